using Meterchat.Accounts;
using Meterchat.BrowserTests.Infrastructure;
using Meterchat.Data;
using Meterchat.Withdrawals;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meterchat.BrowserTests.Withdrawals;

/// <summary>A seller sees the terms before they apply: their share next to the rate, what a withdrawal delivers, the cooldown.</summary>
public sealed class SellerTermsTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task The_sell_page_states_the_share_and_the_withdrawal_form_previews_what_arrives_after_fees()
    {
        var page = await SignedInAsync();

        await page.GotoAsync("/seller");
        await page.FillAsync("#p-rate", "30");
        await Expect(page.Locator("#p-keep")).ToHaveTextAsync("You keep 75 %: 22.5 tokens per minute at 30 (the platform keeps 25 %).");

        await page.GotoAsync("/earnings");
        await Expect(page.Locator("#earning-terms")).ToContainTextAsync("you keep 75 %");
        await Expect(page.Locator("#cooldown-note")).ToContainTextAsync("24 hours after you add it");
        var o = app.Services.GetRequiredService<IOptionsMonitor<WithdrawalsOptions>>().CurrentValue;
        await page.FillAsync("#Amount", "10");
        var net = Meterchat.Ledger.Micros.FromUsdt(10) - o.Fees;
        await Expect(page.Locator("#withdraw-preview")).ToHaveTextAsync(
            $"You will receive {net.ToUsdtString()} USDT on TRON after fees (platform {o.PlatformFeeMicros.ToUsdtString()} + network {o.NetworkFeeMicros.ToUsdtString()} USDT).");
        await page.FillAsync("#Amount", "1");
        await Expect(page.Locator("#withdraw-preview")).ToHaveTextAsync($"The minimum withdrawal is {o.MinimumMicros.ToUsdtString()} USDT.");
        await page.FillAsync("#Amount", "abc");
        await Expect(page.Locator("#withdraw-preview")).ToContainTextAsync("is not an amount of USDT");
        await page.FillAsync("#Amount", "1000");
        await page.SelectOptionAsync("#Unit", "tokens");
        await Expect(page.Locator("#withdraw-preview")).ToHaveTextAsync(
            $"You will receive {(Meterchat.Ledger.Micros.FromTokens(1000) - o.Fees).ToUsdtString()} USDT on TRON after fees (platform {o.PlatformFeeMicros.ToUsdtString()} + network {o.NetworkFeeMicros.ToUsdtString()} USDT).");
        await Expect(page.Locator("#earnings-chart-title")).ToHaveCountAsync(1);

        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screens");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "earnings-1280.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "earnings-390.png"), FullPage = true });
        await page.Context.CloseAsync();
        Assert.Empty(app.CspViolations);
    }

    private async Task<IPage> SignedInAsync()
    {
        var email = $"seller-{Guid.NewGuid():N}@example.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow, AdultConfirmedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        }

        var page = await app.NewPersonAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name=Email]", email);
        await page.FillAsync("input[name=Password]", Password);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return page;
    }
}
