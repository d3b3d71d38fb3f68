using Meterchat.BrowserTests.Infrastructure;
using Meterchat.DevChain;
using Meterchat.Deposits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meterchat.BrowserTests.Deposits;

public sealed class TopUpPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task New_user_tops_up_with_test_usdt_and_sees_the_credit()
    {
        var email = $"buyer-{Guid.NewGuid():N}@example.test";
        const string password = "correct horse battery";
        var page = await app.NewPersonAsync();

        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByLabel("I confirm that I am 18 or older").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await page.GotoAsync("/dev/outbox");
        var mail = page.Locator("article", new() { HasText = email });
        await mail.GetByRole(AriaRole.Link, new() { Name = "Open the link" }).ClickAsync();
        await Expect(page.GetByText("Your email is verified")).ToBeVisibleAsync();

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Top up" }).ClickAsync();
        await Expect(page.Locator("#deposit-address")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^T[1-9A-HJ-NP-Za-km-z]{33}$"));
        await Expect(page.Locator("figure.qr svg")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Send test USDT" }).ClickAsync();
        var txId = (await page.Locator("#test-txid").TextContentAsync())!.Trim();
        Assert.Matches("^[0-9a-f]{64}$", txId);
        await Expect(page.Locator("#txid")).ToHaveValueAsync(txId);

        var chain = app.Services.GetRequiredService<DevChainNode>();
        chain.ProduceBlock();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and credit" }).ClickAsync();
        await Expect(page.Locator("#claim-result")).ToHaveAttributeAsync("data-type", new System.Text.RegularExpressions.Regex("deposit/(confirming|credited)"));

        for (var i = 0; i <= chain.Options.SolidityLag; i++)
        {
            chain.ProduceBlock();
        }

        await app.Services.GetRequiredService<DepositWatcher>().ProcessAvailableBlocksAsync();

        // The page polls while the deposit is confirming: the row turns credited and the header shows the tokens.
        await Expect(page.Locator($"#deposit-history tr[data-txid='{txId}']")).ToHaveAttributeAsync("data-status", "credited", new() { Timeout = 15_000 });
        await Expect(page.Locator("#balance-widget .balance-amount")).ToHaveTextAsync("1000", new() { Timeout = 15_000 });
        await Expect(page.Locator("#claim-result")).ToHaveAttributeAsync("data-status", "credited");
        await page.Context.CloseAsync();
    }
}
