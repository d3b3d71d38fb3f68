using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using Meterchat.DevChain;
using Meterchat.Ethereum.Prices;
using Meterchat.IntegrationTests.Admin;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Transactions;
using Meterchat.Withdrawals;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>
/// The audit's "reserves cover liabilities" counts Ethereum: stablecoins 1:1 and ETH at the price as its own line.
/// The TRON hot wallet's test USDT is moved away first, so only Ethereum can cover the ETH deposit.
/// </summary>
[Collection(GanacheCollection.Name)]
public sealed class EthereumAuditTests(GanacheChain chain)
{
    private const string Coverage = "Reserves on chain cover liabilities";

    [Fact]
    public async Task After_an_eth_deposit_is_credited_the_coverage_check_passes_and_shows_the_eth_line()
    {
        using var app = new EthereumApp(chain);
        var user = await CreditEtherAsync(app);

        var report = await app.AuditAsync();

        var check = report.Checks.Single(c => c.Name == Coverage);
        Assert.True(check.Passed, check.Detail);
        var ether = Assert.Single(report.Figures.ReservesLines!, l => l.Name == "Ethereum ETH");
        Assert.Equal(900_000_000, ether.Value!.Value.Value); // 0.3 ETH × 3,000 USDT
        Assert.Contains("0.3 ETH at 3000.00 USDT/ETH (fixed", ether.Detail, StringComparison.Ordinal);
        Assert.Contains("Ethereum ETH 900.00 (0.3 ETH at 3000.00 USDT/ETH", check.Detail, StringComparison.Ordinal);
        Assert.Equal(0, report.Figures.ReservesLines!.Single(l => l.Name.StartsWith("TRON hot wallet", StringComparison.Ordinal)).Value!.Value.Value);
        Assert.Equal(900_000_000, await user.WalletAsync());

        using var admin = await app.Factory.NewAdminAsync();
        var treasury = await admin.GetStringAsync(new Uri("/admin/treasury", UriKind.Relative));
        Assert.Contains("… Ethereum ETH</dt><dd>900.00 USDT", treasury, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_eth_falls_the_check_fails_showing_the_eth_line_and_without_a_price_it_says_so()
    {
        var prices = new SwitchablePriceSource { Price = new EtherPrice(EthereumApp.MicrosPerEther, DateTimeOffset.UnixEpoch, "ticker") };
        using var app = new EthereumApp(chain, prices);
        await CreditEtherAsync(app);

        prices.Price = new EtherPrice(2_000_000_000, DateTimeOffset.UnixEpoch, "ticker");
        var fallen = (await app.AuditAsync()).Checks.Single(c => c.Name == Coverage);
        prices.Price = null;
        var unpriced = await app.AuditAsync();
        var noPrice = unpriced.Checks.Single(c => c.Name == Coverage);

        Assert.False(fallen.Passed);
        Assert.Contains("on chain 600.00 USDT", fallen.Detail, StringComparison.Ordinal);
        Assert.Contains("0.3 ETH at 2000.00 USDT/ETH", fallen.Detail, StringComparison.Ordinal);
        Assert.Contains("liabilities 900.00 USDT", fallen.Detail, StringComparison.Ordinal);
        Assert.False(noPrice.Passed);
        Assert.Contains("NOT COUNTED, so coverage cannot be shown: Ethereum ETH: 0.3 ETH could not be valued: no ETH price now", noPrice.Detail, StringComparison.Ordinal);
        Assert.Null(unpriced.Figures.ReservesLines!.Single(l => l.Name == "Ethereum ETH").Value);
    }

    /// <summary>Moves the TRON hot wallet's test USDT away, then 0.3 ETH into a new user's address, credited at the price.</summary>
    private async Task<EthereumApp.User> CreditEtherAsync(EthereumApp app)
    {
        var user = await app.NewUserAsync();
        DrainTronHotWallet(app);
        var receipt = await chain.SendAsync(chain.Funder, user.Address, BigInteger.Pow(10, 17) * 3, null);
        await chain.MineAsync(2);
        var body = await (await user.ClaimAsync(receipt.TransactionHash)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("credited", body.GetProperty("status").GetString());
        return user;
    }

    private static void DrainTronHotWallet(EthereumApp app)
    {
        var node = app.Factory.Services.GetRequiredService<DevChainNode>();
        var wallet = app.Factory.Services.GetRequiredService<HotWallet>();
        using var sink = TronKey.Generate();
        var head = node.Head;
        var balance = node.GetTokenBalance(node.Usdt, wallet.Address);
        var raw = TransactionRaw.Create(Tapos.FromBlock(head.Number, Meterchat.Tron.Encoding.Hex.Parse(head.BlockId)), head.Timestamp.ToUnixTimeMilliseconds() + 60_000,
            head.Timestamp.ToUnixTimeMilliseconds(), 100_000_000, new TriggerSmartContract(wallet.Address, node.Usdt, 0, Trc20.EncodeTransfer(sink.Address, new BigInteger(balance))));
        var result = node.Broadcast(SignedTransaction.Sign(raw, wallet.Key));
        Assert.True(result.Result, result.Message);
        node.ProduceBlock();
        Assert.Equal(0, node.GetTokenBalance(node.Usdt, wallet.Address));
    }
}
