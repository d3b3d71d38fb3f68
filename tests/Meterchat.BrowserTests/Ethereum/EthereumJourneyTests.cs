using System.Numerics;
using System.Text.RegularExpressions;
using Meterchat.BrowserTests.Infrastructure;
using Meterchat.Ethereum;
using Meterchat.Ethereum.Development;
using Meterchat.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meterchat.BrowserTests.Ethereum;

/// <summary>
/// Issue 17's browser checks, end to end on the app's own development node (one ganache for the class): a buyer tops
/// up with test USDC and with test ETH and sees the credit; a seller withdraws earnings as USDT on Ethereum and sees
/// the transaction hash, and the address holds what the page said would arrive.
/// </summary>
public sealed class EthereumJourneyTests(EthereumTopUpApp app) : IClassFixture<EthereumTopUpApp>
{
    [Fact]
    public async Task Buyer_tops_up_with_test_usdc_on_ethereum_and_sees_the_credit()
    {
        var page = await app.ReadyBuyerAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Top up" }).ClickAsync();

        await page.GetByLabel("USDC on Ethereum").CheckAsync();
        await Expect(page.Locator("#eth-address")).ToHaveTextAsync(new Regex("^0x[0-9a-fA-F]{40}$"));
        await Expect(page.Locator("#eth-network")).ToContainTextAsync("USDC");

        await SendTestAndClaimAsync(page, "Send test USDC");
        await Expect(page.Locator("#balance-widget .balance-amount")).ToHaveTextAsync("1000", new() { Timeout = 15_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Buyer_tops_up_with_test_eth_and_is_credited_at_the_quoted_price()
    {
        var page = await app.ReadyBuyerAsync();
        await page.GotoAsync("/topup");
        await page.GetByLabel("ETH on Ethereum").CheckAsync();
        // Development's fixed price: 3,000 USDT per ETH, so the faucet's 0.01 ETH is 30 USDT = 3,000 tokens.
        await Expect(page.Locator("#eth-quote")).ToContainTextAsync("1 ETH ≈ 3,000 USDT");
        await Expect(page.Locator("#eth-quote")).ToContainTextAsync("the price is fixed when the deposit becomes final");
        await Screens.SaveAsync(page, "topup-eth-1280.png", fullPage: true);

        await SendTestAndClaimAsync(page, "Send test ETH");
        await Expect(page.Locator("#balance-widget .balance-amount")).ToHaveTextAsync("3000", new() { Timeout = 15_000 });
        // The history shows the ETH amount with the price it was credited at, and the tokens.
        var row = page.Locator("#deposit-history tbody tr").First;
        await Expect(row).ToContainTextAsync(new Regex(@"0\.01 ETH at 3,?000(\.00)? USDT/ETH"), new() { Timeout = 10_000 });
        await Expect(row).ToContainTextAsync("Credited");
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("3000");
        await page.SetViewportSizeAsync(390, 844);
        await Screens.SaveAsync(page, "topup-eth-credited-390.png", fullPage: true);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Seller_withdraws_usdt_to_ethereum_sees_the_hash_and_the_address_receives_what_the_page_said()
    {
        var (page, sellerId) = await app.ReadyPersonAsync("seller");
        var ledger = app.Services.GetRequiredService<ILedger>();
        Assert.True((await ledger.TransferAsync(TransferRequest.Move($"test:earnings:{sellerId}", TransferKind.Adjustment,
            AccountRef.PlatformRevenue, AccountRef.Earnings(sellerId), Micros.FromUsdt(100)))).Succeeded);
        var to = EthereumAddress.Parse("0x90F79bf6EB2c4f870365E785982E1f101E93b906"); // ganache's account 3: nobody's deposit address
        var node = app.Services.GetRequiredService<EthereumNode>();
        var usdt = DevEthereumChain.Tokens.Single(t => t.Symbol == "USDT").Contract;
        var before = await node.TokenBalanceAsync(usdt, to, CancellationToken.None);

        await page.GotoAsync("/earnings");
        await page.FillAsync("#new-address", to.Checksummed);
        await page.FillAsync("#new-label", "My Ethereum wallet");
        await page.FillAsync("#address-password", MainPagesApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save address" }).ClickAsync();
        await Expect(page.Locator("table code", new() { HasTextString = to.Checksummed })).ToHaveCountAsync(1);
        await Expect(page.Locator("section[aria-labelledby=addresses] tbody tr", new() { HasTextString = to.Checksummed })).ToContainTextAsync("yes");

        await page.SelectOptionAsync("#Payout", "ethereum:USDT");
        await page.FillAsync("#Amount", "50");
        await Expect(page.Locator("#withdraw-preview")).ToContainTextAsync("on Ethereum after fees");
        await page.FillAsync("#Address", to.Checksummed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw" }).ClickAsync();

        // The payout sender signs, stores and broadcasts; the history shows the hash once it is known.
        var hash = page.Locator("td.txid code");
        for (var attempt = 0; attempt < 60 && await hash.CountAsync() == 0; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            await page.ReloadAsync();
        }

        await Expect(hash.First).ToHaveTextAsync(new Regex("^0x[0-9a-f]{64}$"));
        var arrives = await page.Locator("section[aria-labelledby=history] tbody tr").First.Locator("td").Nth(2).InnerTextAsync();
        Assert.Matches(@"^\d+\.\d{2} USDT on Ethereum", arrives);
        await Screens.SaveAsync(page, "earnings-eth-withdrawal-1280.png", fullPage: true);
        await page.SetViewportSizeAsync(390, 844);
        await Screens.SaveAsync(page, "earnings-eth-withdrawal-390.png", fullPage: true);

        var net = Micros.ParseUsdt(arrives.Split(' ')[0]);
        BigInteger after = before;
        for (var attempt = 0; attempt < 30 && after == before; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            after = await node.TokenBalanceAsync(usdt, to, CancellationToken.None);
        }

        Assert.Equal(new BigInteger(net.Value), after - before);
        await page.Context.CloseAsync();
    }

    /// <summary>Clicks the dev faucet button, then "Check and credit" with the hash it filled in, until credited.</summary>
    private static async Task SendTestAndClaimAsync(IPage page, string faucetButton)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = faucetButton }).ClickAsync();
        await Expect(page.Locator("#eth-test-txhash")).ToHaveTextAsync(new Regex("^0x[0-9a-f]{64}$"));
        await Expect(page.Locator("#eth-txhash")).ToHaveValueAsync(new Regex("^0x[0-9a-f]{64}$"));

        // ganache mines a block every 3 s and the deposit is final 2 blocks later: the page asks again until then
        // (or hears that the block watcher credited it first).
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and credit" }).ClickAsync();
        await Expect(page.Locator("#eth-claim-result")).ToHaveAttributeAsync("data-status", "credited", new() { Timeout = 60_000 });
        await Expect(page.Locator("#eth-claim-result")).ToContainTextAsync("Credited");
    }
}
