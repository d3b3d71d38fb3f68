using System.Text.RegularExpressions;
using Meterchat.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meterchat.BrowserTests.Ethereum;

/// <summary>
/// Issue 17's browser check, end to end on the app's own development node: a buyer tops up with test USDC on
/// Ethereum and sees the credit. Needs the deposit backend (GET /api/deposits/ethereum, the claims endpoint and
/// the block watcher) from the Ethereum deposits work.
/// </summary>
public sealed class EthereumTopUpCreditTests(EthereumTopUpApp app) : IClassFixture<EthereumTopUpApp>
{
    [Fact]
    public async Task Buyer_tops_up_with_test_usdc_on_ethereum_and_sees_the_credit()
    {
        var page = await app.ReadyBuyerAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Top up" }).ClickAsync();

        await page.GetByLabel("USDC on Ethereum").CheckAsync();
        await Expect(page.Locator("#eth-address")).ToHaveTextAsync(new Regex("^0x[0-9a-fA-F]{40}$"));
        await Expect(page.Locator("#eth-network")).ToContainTextAsync("USDC");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send test USDC" }).ClickAsync();
        await Expect(page.Locator("#eth-test-txhash")).ToHaveTextAsync(new Regex("^0x[0-9a-f]{64}$"));
        await Expect(page.Locator("#eth-txhash")).ToHaveValueAsync(new Regex("^0x[0-9a-f]{64}$"));

        // ganache mines a block every 3 s and the deposit is final 2 blocks later: the page asks again until then
        // (or hears that the block watcher credited it first).
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and credit" }).ClickAsync();
        await Expect(page.Locator("#eth-claim-result")).ToHaveAttributeAsync("data-status", "credited", new() { Timeout = 60_000 });
        await Expect(page.Locator("#eth-claim-result")).ToContainTextAsync("Credited");
        await Expect(page.Locator("#balance-widget .balance-amount")).ToHaveTextAsync("1000", new() { Timeout = 15_000 });
        await page.Context.CloseAsync();
    }
}
