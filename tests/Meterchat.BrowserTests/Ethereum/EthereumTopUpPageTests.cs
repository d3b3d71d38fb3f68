using System.Numerics;
using Deque.AxeCore.Playwright;
using System.Text.Json;
using System.Text.RegularExpressions;
using Meterchat.BrowserTests.Infrastructure;
using Meterchat.Ethereum;
using Meterchat.Ethereum.Development;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meterchat.BrowserTests.Ethereum;

/// <summary>
/// Top up's Ethereum part on the app's own development node. GET /api/deposits/ethereum belongs to the deposit
/// backend; here it is answered by the test (its documented shape) so the page is checked on its own.
/// </summary>
public sealed class EthereumTopUpPageTests(EthereumTopUpApp app) : IClassFixture<EthereumTopUpApp>
{
    [Fact]
    public async Task Buyer_picks_usdc_on_ethereum_sees_the_address_and_qr_and_gets_test_usdc()
    {
        var page = await app.ReadyBuyerAsync();
        var address = await UserAddressAsync(page);
        await StubDepositsAsync(page, address);
        await page.GotoAsync("/topup");

        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "What do you send?" })).ToBeVisibleAsync();
        await page.GetByLabel("USDC on Ethereum").CheckAsync();
        await Expect(page.Locator("#eth-address")).ToHaveTextAsync(address.Checksummed);
        await Expect(page.Locator("#tron-panel")).ToBeHiddenAsync();
        await Expect(page.Locator("#eth-network")).ToContainTextAsync(DevEthereumChain.Tokens[1].Contract.Checksummed);
        await Expect(page.Locator("#eth-minimum")).ToContainTextAsync("3 USDC");
        await Expect(page.Locator("#eth-when")).ToContainTextAsync("2 blocks");
        await Expect(page.Locator("#eth-internal-row")).ToBeHiddenAsync();
        Assert.True(await page.Locator("#eth-qr").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the QR code image loads");
        await Screens.SaveAsync(page, "topup-usdc-1280.png", fullPage: true);
        var serious = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}");
        Assert.Empty(serious);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send test USDC" }).ClickAsync();
        await Expect(page.Locator("#eth-test-txhash")).ToHaveTextAsync(new Regex("^0x[0-9a-f]{64}$"));
        var hash = (await page.Locator("#eth-test-txhash").TextContentAsync())!;
        await Expect(page.Locator("#eth-txhash")).ToHaveValueAsync(hash);

        var node = app.Services.GetRequiredService<EthereumNode>();
        await Eventually(async () => await node.TokenBalanceAsync(DevEthereumChain.Tokens[1].Contract, address, CancellationToken.None) == new BigInteger(10_000_000));

        await page.GetByLabel("ETH on Ethereum").CheckAsync();
        await Expect(page.Locator("#eth-quote")).ToContainTextAsync("1 ETH ≈ 3,000 USDT");
        await Expect(page.Locator("#eth-quote")).ToContainTextAsync("the price is fixed when the deposit becomes final");
        await Expect(page.Locator("#eth-internal-row")).ToContainTextAsync("internal transfer");
        await page.SetViewportSizeAsync(390, 900);
        await Screens.SaveAsync(page, "topup-eth-390.png", fullPage: true);

        await page.GetByLabel("USDT on TRON").CheckAsync();
        await Expect(page.Locator("#deposit-address")).ToBeVisibleAsync();
        await Expect(page.Locator("#eth-panel")).ToBeHiddenAsync();
        Assert.Empty(app.CspViolations);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_malformed_hash_is_refused_on_the_page_and_a_missing_backend_is_said_in_words()
    {
        var page = await app.ReadyBuyerAsync();
        await StubDepositsAsync(page, await UserAddressAsync(page));
        await page.RouteAsync("**/api/deposits/ethereum/claims", route => route.FulfillAsync(new() { Status = 404 }));
        await page.GotoAsync("/topup?asset=USDT");
        await Expect(page.GetByLabel("USDT on Ethereum")).ToBeCheckedAsync();

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Transaction hash" }).FillAsync("0x1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and credit" }).Last.ClickAsync();
        await Expect(page.Locator("#eth-claim-result")).ToContainTextAsync("0x followed by 64 hex digits");
        await Expect(page.Locator("#eth-txhash")).ToBeFocusedAsync();

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Transaction hash" }).FillAsync("0x" + new string('a', 64));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and credit" }).Last.ClickAsync();
        await Expect(page.Locator("#eth-claim-result")).ToContainTextAsync("not available on this server yet");
        await page.Context.CloseAsync();
    }

    /// <summary>The signed-in user's Ethereum deposit address: their deposit index on the dev xpub.</summary>
    private static async Task<EthereumAddress> UserAddressAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync("/api/deposits/address");
        var index = (await response.JsonAsync())!.Value.GetProperty("index").GetInt32();
        return EthereumDepositKeys.FromAccountXpub(DevEthereumChain.DepositAccountXpub).AddressAt((uint)index);
    }

    private static async Task StubDepositsAsync(IPage page, EthereumAddress address) =>
        await page.RouteAsync("**/api/deposits/ethereum", route => route.FulfillAsync(new()
        {
            ContentType = "application/json",
            Body = JsonSerializer.Serialize(new
            {
                enabled = true, address = address.Checksummed, chainId = 1337, confirmations = 2,
                assets = new object[]
                {
                    new { asset = "USDT", contract = DevEthereumChain.Tokens[0].Contract.Checksummed, minimum = "3" },
                    new { asset = "USDC", contract = DevEthereumChain.Tokens[1].Contract.Checksummed, minimum = "3" },
                    new { asset = "ETH", contract = (string?)null, minimum = "0.001" },
                },
                quote = new { microsPerEther = 3_000_000_000L, at = "2026-12-03T12:00:00Z", source = "fixed (development)" },
            }),
        }));

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100 && !await condition(); attempt++)
        {
            await Task.Delay(200);
        }

        Assert.True(await condition());
    }
}
