using System.Net;
using System.Net.Http.Json;
using Meterchat.DevChain;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.Ledger;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Withdrawals;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Withdrawals;

/// <summary>A payout from request to final: auto path, review, rejection, failure on chain, waiting for hot wallet funds.</summary>
public sealed class PayoutSenderTests(WithdrawalsApp app) : IClassFixture<WithdrawalsApp>
{
    [Fact]
    public async Task Auto_path_pays_exactly_the_net_amount_and_completes_once_final()
    {
        var seller = await app.CreateSellerAsync("50");
        var to = await app.UsableAddressAsync(seller);
        var start = app.Chain.Head.Number;

        var view = await (await WithdrawalsApp.RequestAsync(seller, "20", to)).Content.ReadFromJsonAsync<WithdrawalView>();
        await app.Sender.ProcessOnceAsync();
        var sent = await GetAsync(view!.Id);
        app.Blocks(1);
        await app.Sender.ProcessOnceAsync();
        var inBlock = await GetAsync(view.Id);
        app.Solidify();
        await app.Sender.ProcessOnceAsync();
        var done = await GetAsync(view.Id);

        Assert.Equal(WithdrawalStatus.Broadcast, sent.Status);
        Assert.NotNull(sent.TxId);
        Assert.Equal(WithdrawalStatus.InBlock, inBlock.Status);
        Assert.Equal(WithdrawalStatus.Completed, done.Status);
        Assert.Equal(18_500_000, app.UsdtOf(to));
        Assert.Equal(1, await app.PayoutsToAsync(to, start));
        Assert.True(done.ChainFeeSun > 0); // the real TRX burned, shown next to the 1.00 USDT network fee
        Assert.Equal(new UserBalances(Micros.Zero, Micros.ParseUsdt("30"), Micros.Zero), await app.BalancesAsync(seller));
        var mine = await seller.Http.GetFromJsonAsync<List<WithdrawalView>>("/api/withdrawals");
        Assert.Contains(sent.TxId!, Assert.Single(mine!).ExplorerUrl!, StringComparison.Ordinal);
        await app.AssertAuditPassesAsync();

        var page = await seller.Http.GetStringAsync(new Uri("/earnings", UriKind.Relative));
        var csv = await seller.Http.GetStringAsync(new Uri("/api/withdrawals/export.csv", UriKind.Relative));
        var admin = await app.CreateSellerAsync("0", admin: true);
        var treasury = await admin.Http.GetStringAsync(new Uri("/admin/treasury", UriKind.Relative));
        var queue = await admin.Http.GetAsync(new Uri("/admin/withdrawals", UriKind.Relative));
        Assert.Contains(to.ToBase58(), page, StringComparison.Ordinal);
        Assert.Contains(sent.TxId!, page, StringComparison.Ordinal);
        Assert.Contains("Completed", page, StringComparison.Ordinal);
        Assert.Contains($"Withdrawal,,20.00,withdrawal:{view.Id},Completed,{to.ToBase58()},1.50,18.50,{sent.TxId}", csv, StringComparison.Ordinal);
        Assert.Contains("Adjustment,earnings,50.00", csv, StringComparison.Ordinal);
        Assert.Contains(app.HotWallet.Address.ToBase58(), treasury, StringComparison.Ordinal);
        Assert.Contains(sent.TxId!, treasury, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.DoesNotContain(app.HotWallet.Address.ToBase58(), await seller.Http.GetStringAsync(new Uri("/admin/treasury", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Above_the_threshold_waits_for_review_and_approval_pays_it()
    {
        var seller = await app.CreateSellerAsync("500");
        var admin = await app.CreateSellerAsync("0", admin: true);
        var to = await app.UsableAddressAsync(seller);

        var view = await (await WithdrawalsApp.RequestAsync(seller, "150", to)).Content.ReadFromJsonAsync<WithdrawalView>();
        await app.Sender.ProcessOnceAsync();
        var queue = await admin.Http.GetFromJsonAsync<List<WithdrawalView>>("/api/admin/withdrawals");
        var forbidden = await seller.Http.PostAsync(new Uri($"/api/admin/withdrawals/{view!.Id}/approve", UriKind.Relative), null);
        var approved = await admin.Http.PostAsync(new Uri($"/api/admin/withdrawals/{view.Id}/approve", UriKind.Relative), null);
        await app.Sender.ProcessOnceAsync();
        app.Solidify();
        await app.Sender.ProcessOnceAsync();

        Assert.Equal("InReview", view.Status);
        Assert.Contains(queue!, w => w.Id == view.Id);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(WithdrawalStatus.Completed, (await GetAsync(view.Id)).Status);
        Assert.Equal(148_500_000, app.UsdtOf(to));
        await app.AssertAuditPassesAsync();
    }

    [Fact]
    public async Task Rejection_returns_the_held_funds_once()
    {
        var seller = await app.CreateSellerAsync("500");
        var admin = await app.CreateSellerAsync("0", admin: true);
        var to = await app.UsableAddressAsync(seller);

        var view = await (await WithdrawalsApp.RequestAsync(seller, "150", to)).Content.ReadFromJsonAsync<WithdrawalView>();
        var noReason = await admin.Http.PostAsJsonAsync($"/api/admin/withdrawals/{view!.Id}/reject", new { reason = "" });
        var rejected = await admin.Http.PostAsJsonAsync($"/api/admin/withdrawals/{view.Id}/reject", new { reason = "Unusual activity" });
        var again = await admin.Http.PostAsJsonAsync($"/api/admin/withdrawals/{view.Id}/reject", new { reason = "twice" });

        Assert.Equal(WithdrawalProblems.ReasonRequired, await noReason.ProblemTypeAsync());
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(WithdrawalProblems.NotInReview, await again.ProblemTypeAsync());
        Assert.Equal(new UserBalances(Micros.Zero, Micros.ParseUsdt("500"), Micros.Zero), await app.BalancesAsync(seller));
        Assert.Equal("Unusual activity", (await GetAsync(view.Id)).RejectReason);
        await app.AssertAuditPassesAsync();
    }

    [Fact]
    public async Task A_payout_that_fails_on_chain_returns_the_funds_exactly_once()
    {
        var seller = await app.CreateSellerAsync("50");
        var to = await app.UsableAddressAsync(seller);
        var view = await (await WithdrawalsApp.RequestAsync(seller, "10", to)).Content.ReadFromJsonAsync<WithdrawalView>();

        // Another spend from the hot wallet lands first: the payout's transfer reverts on chain.
        app.DrainHotWallet(TronAddress.FromPublicKey(TronKey.Generate().PublicKey));
        await app.Sender.ProcessOnceAsync();
        app.Blocks(1);
        await app.Sender.ProcessOnceAsync();
        Assert.Equal(WithdrawalStatus.InBlock, (await GetAsync(view!.Id)).Status);
        Assert.Equal(Micros.ParseUsdt("10"), (await app.BalancesAsync(seller)).Held); // not final yet: still held
        app.Solidify();
        await app.Sender.ProcessOnceAsync();
        await app.Sender.ProcessOnceAsync();
        await NewSender().ProcessOnceAsync();

        var failed = await GetAsync(view.Id);
        Assert.Equal(WithdrawalStatus.Failed, failed.Status);
        Assert.Contains("REVERT", failed.FailureReason, StringComparison.Ordinal);
        Assert.Equal(0, app.UsdtOf(to));
        Assert.Equal(new UserBalances(Micros.Zero, Micros.ParseUsdt("50"), Micros.Zero), await app.BalancesAsync(seller));
        Assert.Equal(1, await app.ReleasesAsync(view.Id));

        app.Chain.Faucet(app.HotWallet.Address, FaucetToken.Usdt, DevHotWalletFundingAmount);
        app.Blocks(1);
        await app.AssertAuditPassesAsync();
    }

    [Fact]
    public async Task Waiting_for_hot_wallet_funds_is_a_state_and_pays_once_funded()
    {
        var seller = await app.CreateSellerAsync("50");
        var to = await app.UsableAddressAsync(seller);
        app.DrainHotWallet(TronAddress.FromPublicKey(TronKey.Generate().PublicKey));
        app.Blocks(1);
        var view = await (await WithdrawalsApp.RequestAsync(seller, "10", to)).Content.ReadFromJsonAsync<WithdrawalView>();

        await app.Sender.ProcessOnceAsync();
        var waiting = await GetAsync(view!.Id);
        app.Chain.Faucet(app.HotWallet.Address, FaucetToken.Usdt, DevHotWalletFundingAmount);
        app.Blocks(1);
        await app.Sender.ProcessOnceAsync();
        app.Solidify();
        await app.Sender.ProcessOnceAsync();

        Assert.Equal(WithdrawalStatus.WaitingForFunds, waiting.Status);
        Assert.Contains("Hot wallet has 0.00 USDT", waiting.FailureReason, StringComparison.Ordinal);
        Assert.Equal(WithdrawalStatus.Completed, (await GetAsync(view.Id)).Status);
        Assert.Equal(8_500_000, app.UsdtOf(to));
        await app.AssertAuditPassesAsync();
    }

    private PayoutSender NewSender() => ActivatorUtilities.CreateInstance<PayoutSender>(app.Services);

    private Task<Withdrawal> GetAsync(long id) => app.WithdrawalAsync(id);

    private const long DevHotWalletFundingAmount = 1_000_000 * 1_000_000L;
}
