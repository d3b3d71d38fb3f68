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

    public async Task<IPage> ReadyBuyerAsync()
    {
        await Services.GetRequiredService<DevEthereumStatus>().Ready.WaitAsync(TimeSpan.FromMinutes(2));
        var email = $"buyer-{Guid.NewGuid():N}@example.test";
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Meterchat.Data.AppUser>>();
            var user = new Meterchat.Data.AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow, AdultConfirmedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(user, MainPagesApp.Password)).Succeeded);
        }

        var page = await NewPersonAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name=Email]", email);
        await page.FillAsync("input[name=Password]", MainPagesApp.Password);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return page;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Ethereum:DevNode:Enabled", "true");
        builder.UseSetting("Ethereum:DevNode:DataPath", _chain);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_chain, recursive: true);
    }
}
