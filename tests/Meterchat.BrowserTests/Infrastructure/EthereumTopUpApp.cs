using Meterchat.Ethereum.Development;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Meterchat.BrowserTests.Infrastructure;

/// <summary>
/// The app in Development with nothing set for Ethereum, so it starts its own ganache (inside <c>unshare -n</c> the
/// test ganache outside is not reachable) with the chain in a temp folder, and a signed-in buyer once it is ready.
/// </summary>
public sealed class EthereumTopUpApp : BrowserApp
{
    private readonly string _chain = Directory.CreateTempSubdirectory("meterchat-ganache-").FullName;

    public async Task<IPage> ReadyBuyerAsync() => (await ReadyPersonAsync("buyer")).Page;

    /// <summary>A new person signed in once the dev node is ready; the user id lets a test give a seller earnings.</summary>
    public async Task<(IPage Page, string UserId)> ReadyPersonAsync(string role)
    {
        await Services.GetRequiredService<DevEthereumStatus>().Ready.WaitAsync(TimeSpan.FromMinutes(2));
        var email = $"{role}-{Guid.NewGuid():N}@example.test";
        string userId;
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Meterchat.Data.AppUser>>();
            var user = new Meterchat.Data.AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow, AdultConfirmedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(user, MainPagesApp.Password)).Succeeded);
            userId = user.Id;
        }

        var page = await NewPersonAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name=Email]", email);
        await page.FillAsync("input[name=Password]", MainPagesApp.Password);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return (page, userId);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Ethereum:DevNode:Enabled", "true");
        builder.UseSetting("Ethereum:DevNode:DataPath", _chain);
        // A saved payout address is usable at once, so a seller's withdrawal can be followed to its hash.
        builder.UseSetting("Withdrawals:AddressCooldown", "00:00:00");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_chain, recursive: true);
    }
}
