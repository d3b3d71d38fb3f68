using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using Meterchat.Ethereum;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Admin;
using Meterchat.Ledger;
using Meterchat.Withdrawals;
using Microsoft.AspNetCore.Mvc;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>
/// Seller payouts in USDT and USDC on Ethereum, on ganache: the quote, the full life of a payout, a crash between
/// storing the signed bytes and broadcasting them, nonces, a reverted transfer and bad input; the audit after each.
/// </summary>
[Collection(GanacheCollection.Name)]
public sealed class EthereumPayoutTests(GanacheChain chain)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_usdc_payout_goes_from_request_to_final_and_the_seller_sees_its_hash()
    {
        await using var app = await EthereumPayoutsApp.StartAsync(chain);
        var seller = await app.CreateSellerAsync("100");
        var to = await app.UsableAddressAsync(seller);

        var quote = await seller.Http.GetFromJsonAsync<WithdrawalQuote>("/api/withdrawals/quote?amount=50&network=ethereum&asset=USDC");
        Assert.Equal("ethereum", quote!.Network);
        Assert.Equal("USDC", quote.Asset);
        Assert.True(quote.NetworkFee.Micros > 0, "the gas is priced in USDT");
        Assert.Equal(50_000_000 - quote.PlatformFee.Micros - quote.NetworkFee.Micros, quote.Net.Micros);
        Assert.Equal(20_000_000, quote.Minimum.Micros);

        var response = await EthereumPayoutsApp.RequestAsync(seller, "50", to.Checksummed, asset: "USDC");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = (await response.Content.ReadFromJsonAsync<WithdrawalView>())!;
        Assert.Equal(WithdrawalStatus.Approved.ToString(), view.Status);
        Assert.InRange(view.NetworkFee.Micros, quote.NetworkFee.Micros * 9 / 10, quote.NetworkFee.Micros * 11 / 10); // estimated again at the request
        var net = view.Net.Micros;

        await app.Sender.ProcessOnceAsync(); // signed, stored, broadcast (ganache mines it at once)
        var sent = await app.WithdrawalAsync(view.Id);
        Assert.Equal(WithdrawalStatus.Broadcast, sent.Status);
        Assert.StartsWith("0x", sent.TxId);
        Assert.NotNull(sent.Nonce);
        Assert.Equal(new BigInteger(net), await chain.Node.TokenBalanceAsync(chain.Usdc, to, None));

        await app.Sender.ProcessOnceAsync();
        Assert.Equal(WithdrawalStatus.InBlock, (await app.WithdrawalAsync(view.Id)).Status); // mined, not final yet
        Assert.Equal(Micros.FromUsdt(50), (await app.BalancesAsync(seller)).Held);

        await app.MineAsync(2);
        await app.Sender.ProcessOnceAsync();
        var done = await app.WithdrawalAsync(view.Id);
        Assert.Equal(WithdrawalStatus.Completed, done.Status);
        Assert.True(done.ChainFeeSun > 0 && done.EnergyUsed > 21_000, "the real gas cost (wei) and gas are recorded");
        Assert.Equal(new UserBalances(Micros.Zero, Micros.FromUsdt(50), Micros.Zero), await app.BalancesAsync(seller));

        var history = await seller.Http.GetFromJsonAsync<List<WithdrawalView>>("/api/withdrawals");
        var shown = Assert.Single(history!);
        Assert.Equal(sent.TxId, shown.TxId);
        Assert.Equal($"https://etherscan.io/tx/{sent.TxId}", shown.ExplorerUrl);
        Assert.Equal(("ethereum", "USDC", to.Checksummed), (shown.Network, shown.Asset, shown.ToAddress));
        var page = await seller.Http.GetStringAsync("/earnings");
        Assert.Contains(sent.TxId!, page, StringComparison.Ordinal);
        Assert.Contains("USDC on Ethereum", page, StringComparison.Ordinal);
        await app.AssertAuditPassesAsync();
    }

    [Fact]
    public async Task A_crash_between_store_and_broadcast_rebroadcasts_the_same_bytes_and_pays_once()
    {
        await using var app = await EthereumPayoutsApp.StartAsync(chain);
        var seller = await app.CreateSellerAsync("100");
        var to = await app.UsableAddressAsync(seller);
        var first = (await (await EthereumPayoutsApp.RequestAsync(seller, "30", to.Checksummed)).Content.ReadFromJsonAsync<WithdrawalView>())!;
        var nonceBefore = await chain.Node.MinedNonceAsync(app.HotWallet, None);

        app.Sender.CrashPoint = (at, _) => throw new SimulatedCrashException(at);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => app.Sender.ProcessOnceAsync());
        var stored = await app.WithdrawalAsync(first.Id);
        Assert.Equal(WithdrawalStatus.Stored, stored.Status);
        Assert.Null(await chain.Node.TransactionAsync(stored.TxId!, None)); // no node has seen it

        // While it was down another request came in; after the restart the stored bytes go out first and the new
        // payout takes the next nonce although the node never saw the stored one before this pass.
        var second = (await (await EthereumPayoutsApp.RequestAsync(seller, "25", to.Checksummed)).Content.ReadFromJsonAsync<WithdrawalView>())!;
        var restarted = app.RestartedSender();
        await restarted.ProcessOnceAsync();
        await app.MineAsync(2);
        await restarted.ProcessOnceAsync();
        await restarted.ProcessOnceAsync();

        var paid = await app.WithdrawalAsync(first.Id);
        var next = await app.WithdrawalAsync(second.Id);
        Assert.Equal((WithdrawalStatus.Completed, stored.TxId, stored.SignedHex, 1), (paid.Status, paid.TxId, paid.SignedHex, paid.Attempts));
        Assert.Equal(WithdrawalStatus.Completed, next.Status);
        Assert.Equal(stored.Nonce + 1, next.Nonce);
        Assert.Equal(nonceBefore + 2, await chain.Node.MinedNonceAsync(app.HotWallet, None)); // two transactions, not three
        Assert.Equal(new BigInteger(paid.Net + next.Net), await chain.Node.TokenBalanceAsync(chain.Usdt, to, None));
        await app.AssertAuditPassesAsync();
    }

    [Fact]
    public async Task Two_payouts_in_one_pass_get_consecutive_nonces_and_both_arrive()
    {
        await using var app = await EthereumPayoutsApp.StartAsync(chain);
        var seller = await app.CreateSellerAsync("100");
        var a = await app.UsableAddressAsync(seller);
        var b = await app.UsableAddressAsync(seller);
        var first = (await (await EthereumPayoutsApp.RequestAsync(seller, "30", a.Checksummed)).Content.ReadFromJsonAsync<WithdrawalView>())!;
        var second = (await (await EthereumPayoutsApp.RequestAsync(seller, "40", b.Checksummed, asset: "USDC")).Content.ReadFromJsonAsync<WithdrawalView>())!;

        await app.Sender.ProcessOnceAsync();
        await app.MineAsync(2);
        await app.Sender.ProcessOnceAsync();

        var one = await app.WithdrawalAsync(first.Id);
        var two = await app.WithdrawalAsync(second.Id);
        Assert.Equal(one.Nonce + 1, two.Nonce);
        Assert.Equal((WithdrawalStatus.Completed, WithdrawalStatus.Completed), (one.Status, two.Status));
        Assert.Equal(new BigInteger(one.Net), await chain.Node.TokenBalanceAsync(chain.Usdt, a, None));
        Assert.Equal(new BigInteger(two.Net), await chain.Node.TokenBalanceAsync(chain.Usdc, b, None));
        await app.AssertAuditPassesAsync();
    }

    [Fact]
    public async Task A_reverted_payout_fails_and_returns_the_funds_to_earnings_once()
    {
        await using var app = await EthereumPayoutsApp.StartAsync(chain);
        var seller = await app.CreateSellerAsync("100");
        var to = await app.UsableAddressAsync(seller);
        // The token refuses transfers to this address (like USDT's blacklist): the transfer is mined and reverts.
        await chain.SendAsync(chain.Funder, chain.Usdt, 0, TestTokenContract.SetBlockedData(to, true));
        var view = (await (await EthereumPayoutsApp.RequestAsync(seller, "30", to.Checksummed)).Content.ReadFromJsonAsync<WithdrawalView>())!;

        await app.Sender.ProcessOnceAsync();
        await app.MineAsync(2);
        await app.Sender.ProcessOnceAsync();
        await app.Sender.ProcessOnceAsync();

        var failed = await app.WithdrawalAsync(view.Id);
        Assert.Equal(WithdrawalStatus.Failed, failed.Status);
        Assert.Contains("Reverted", failed.FailureReason, StringComparison.Ordinal);
        Assert.Equal(BigInteger.Zero, (await chain.Node.ReceiptAsync(failed.TxId!, None))!.Status.Value);
        Assert.Equal(BigInteger.Zero, await chain.Node.TokenBalanceAsync(chain.Usdt, to, None));
        Assert.Equal(new UserBalances(Micros.Zero, Micros.FromUsdt(100), Micros.Zero), await app.BalancesAsync(seller));
        await app.AssertAuditPassesAsync();
    }

    [Fact]
    public async Task Bad_input_is_a_problem_and_changes_nothing()
    {
        await using var app = await EthereumPayoutsApp.StartAsync(chain, withUsdc: false);
        var seller = await app.CreateSellerAsync("100");
        var to = await app.UsableAddressAsync(seller);
        await AssertProblemAsync(seller, "30", Mistyped(to), "ethereum", "USDT", "withdrawal/bad-address");
        await AssertProblemAsync(seller, "30", "0x1234", "ethereum", "USDT", "withdrawal/bad-address");
        await AssertProblemAsync(seller, "30", chain.Usdt.Checksummed, "ethereum", "USDT", "withdrawal/bad-address");
        await AssertProblemAsync(seller, "30", app.HotWallet.Checksummed, "ethereum", "USDT", "withdrawal/platform-address");
        await AssertProblemAsync(seller, "10", to.Checksummed, "ethereum", "USDT", "withdrawal/below-minimum");
        await AssertProblemAsync(seller, "30", to.Checksummed, "ethereum", "USDC", "withdrawal/network-off");
        await AssertProblemAsync(seller, "30", to.Checksummed, "ethereum", "DAI", "withdrawal/unsupported-asset");
        await AssertProblemAsync(seller, "30", to.Checksummed, "tron", "USDC", "withdrawal/unsupported-asset");
        await AssertProblemAsync(seller, "30", to.Checksummed, "bitcoin", "USDT", "withdrawal/unsupported-asset");
        await AssertProblemAsync(seller, "30", to.Checksummed, "tron", "USDT", "withdrawal/bad-address");
        var quote = await seller.Http.GetAsync("/api/withdrawals/quote?amount=30&network=ethereum&asset=USDC");
        Assert.Equal("withdrawal/network-off", (await quote.Content.ReadFromJsonAsync<ProblemDetails>())!.Type);

        Assert.Equal(0, await app.WithdrawalCountAsync(seller.UserId));
        Assert.Equal(new UserBalances(Micros.Zero, Micros.FromUsdt(100), Micros.Zero), await app.BalancesAsync(seller));
        await app.AssertAuditPassesAsync();
    }

    [Fact]
    public async Task An_ethereum_payouts_gas_is_shown_in_eth_and_gwei_never_as_trx()
    {
        await using var app = await EthereumPayoutsApp.StartAsync(chain, withUsdc: false);
        var seller = await app.CreateSellerAsync("100");
        var to = await app.UsableAddressAsync(seller);
        var id = (await (await EthereumPayoutsApp.RequestAsync(seller, "30", to.Checksummed)).Content.ReadFromJsonAsync<WithdrawalView>())!.Id;
        await app.Sender.ProcessOnceAsync();
        await app.Sender.ProcessOnceAsync();
        await app.MineAsync(2);
        await app.Sender.ProcessOnceAsync();
        var done = await app.WithdrawalAsync(id);
        Assert.Equal(WithdrawalStatus.Completed, done.Status);
        var wei = done.ChainFeeSun!.Value;

        var shown = Assert.Single((await seller.Http.GetFromJsonAsync<List<WithdrawalView>>("/api/withdrawals"))!);
        using var admin = await app.NewAdminAsync();
        var treasury = await admin.GetStringAsync(new Uri("/admin/treasury", UriKind.Relative));
        var row = treasury[treasury.IndexOf($"<td>{id}</td><td>Completed</td>", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];

        Assert.Null(shown.ChainFeeSun); // TRON's sun only
        Assert.Equal(("wei", wei.ToString(System.Globalization.CultureInfo.InvariantCulture), "gas", done.EnergyUsed), (shown.ChainCost!.Unit, shown.ChainCost.Units, shown.ChainCost.UsedUnit, shown.ChainCost.Used));
        var gwei = wei % 1_000_000_000 == 0
            ? (wei / 1_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : $"{wei / 1_000_000_000}.{wei % 1_000_000_000:D9}".TrimEnd('0');
        Assert.Equal($"{EtherText.Of(wei)} ETH ({gwei} gwei)", shown.ChainCost.Shown);
        Assert.DoesNotContain("TRX", shown.ChainCost.Shown, StringComparison.Ordinal);
        Assert.Contains("<td>Ethereum</td>", row, StringComparison.Ordinal);
        Assert.Contains($"{EtherText.Of(wei)} ETH (", row, StringComparison.Ordinal);
        Assert.Contains($"{done.EnergyUsed} gas", row, StringComparison.Ordinal);
        Assert.DoesNotContain("TRX", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payout_to_one_of_our_ethereum_deposit_addresses_is_refused_as_a_platform_address()
    {
        await using var app = await EthereumPayoutsApp.StartAsync(chain, withUsdc: false);
        var seller = await app.CreateSellerAsync("100");
        var (_, buyerToken) = await app.CreateVerifiedUserAsync("buyer");
        using var buyer = app.CreateClient(buyerToken);
        var theirs = (await buyer.GetFromJsonAsync<Meterchat.Deposits.Ethereum.EthereumDepositInfo>("/api/deposits/ethereum"))!.Address!;
        var mine = (await seller.Http.GetFromJsonAsync<Meterchat.Deposits.Ethereum.EthereumDepositInfo>("/api/deposits/ethereum"))!.Address!;

        await AssertProblemAsync(seller, "30", theirs, "ethereum", "USDT", WithdrawalProblems.PlatformAddress);
        await AssertProblemAsync(seller, "30", mine.ToLowerInvariant(), "ethereum", "USDT", WithdrawalProblems.PlatformAddress);
        var book = await seller.Http.PostAsJsonAsync("/api/withdrawals/addresses", new { address = theirs, label = "deposit", password = Accounts.AccountsApi.Password });
        Assert.Equal(WithdrawalProblems.PlatformAddress, (await book.Content.ReadFromJsonAsync<ProblemDetails>())!.Type);

        Assert.Equal(0, await app.WithdrawalCountAsync(seller.UserId));
        Assert.Equal(new UserBalances(Micros.Zero, Micros.FromUsdt(100), Micros.Zero), await app.BalancesAsync(seller));
    }

    private static async Task AssertProblemAsync(Withdrawals.Seller seller, string amount, string to, string network, string asset, string type)
    {
        var response = await EthereumPayoutsApp.RequestAsync(seller, amount, to, network, asset);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.True(type == problem!.Type, $"{network} {asset} {amount} to {to}: expected {type}, got {problem.Type} {problem.Detail}");
        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    /// <summary>The checksummed address with one letter's case flipped: a mistyped character that EIP-55 catches.</summary>
    private static string Mistyped(EthereumAddress address)
    {
        var chars = address.Checksummed.ToCharArray();
        var i = Array.FindIndex(chars, 2, char.IsLetter);
        chars[i] = char.IsUpper(chars[i]) ? char.ToLowerInvariant(chars[i]) : char.ToUpperInvariant(chars[i]);
        return new string(chars);
    }

    private sealed class SimulatedCrashException(string at) : Exception(at);
}
