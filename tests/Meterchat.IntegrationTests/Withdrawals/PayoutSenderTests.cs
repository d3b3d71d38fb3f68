using System.Net;
using System.Net.Http.Json;
using Meterchat.Data;
using Meterchat.DevChain;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.Ledger;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Withdrawals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Withdrawals;

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

    [Theory]
    [InlineData("stored")]
    [InlineData("broadcast")]
    public async Task A_crash_around_the_broadcast_still_pays_exactly_once(string point)
    {
        var seller = await app.CreateSellerAsync("50");
        var to = await app.UsableAddressAsync(seller);
        var start = app.Chain.Head.Number;
        var view = await (await WithdrawalsApp.RequestAsync(seller, "10", to)).Content.ReadFromJsonAsync<WithdrawalView>();

        var crashing = NewSender();
        crashing.CrashPoint = (at, _) =>
        {
            if (at == point)
            {
                throw new SimulatedCrashException();
            }
        };
        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.ProcessOnceAsync());
        var stored = await GetAsync(view!.Id);
        Assert.Equal(point == "broadcast" ? 1 : 0, app.Chain.PendingTransactionIds.Count(id => id == stored.TxId));

        var restarted = NewSender();
        await restarted.ProcessOnceAsync(); // rebroadcasts the stored bytes (DUP_TRANSACTION_ERROR when the node has them)
        await restarted.ProcessOnceAsync();
        app.Blocks(1);
        await restarted.ProcessOnceAsync();
        app.Solidify();
        await restarted.ProcessOnceAsync();
        await restarted.ProcessOnceAsync();

        var done = await GetAsync(view.Id);
        Assert.Equal(WithdrawalStatus.Completed, done.Status);
        Assert.Equal(stored.TxId, done.TxId);
        Assert.Equal(1, done.Attempts);
        Assert.Equal(1, await app.PayoutsToAsync(to, start));
        Assert.Equal(8_500_000, app.UsdtOf(to));
        await app.AssertAuditPassesAsync();
    }

    [Fact]
    public async Task A_transaction_stored_but_never_sent_is_replaced_only_once_proven_expired_and_absent()
    {
        var seller = await app.CreateSellerAsync("50");
        var to = await app.UsableAddressAsync(seller);
        var start = app.Chain.Head.Number;
        var view = await (await WithdrawalsApp.RequestAsync(seller, "10", to)).Content.ReadFromJsonAsync<WithdrawalView>();
        var crashing = NewSender();
        crashing.CrashPoint = (at, _) => throw new SimulatedCrashException();
        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.ProcessOnceAsync());
        var first = await GetAsync(view!.Id);

        // Down for two minutes: the stored transaction's expiration passes by the chain's clock.
        app.Time.Advance(TimeSpan.FromMinutes(2));
        app.Blocks(1);
        var restarted = NewSender();
        await restarted.ProcessOnceAsync();
        var second = await GetAsync(view.Id);
        app.Blocks(1);
        app.Solidify();
        await restarted.ProcessOnceAsync();
        await restarted.ProcessOnceAsync();

        Assert.NotEqual(first.TxId, second.TxId);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(WithdrawalStatus.Completed, (await GetAsync(view.Id)).Status);
        Assert.Equal(1, await app.PayoutsToAsync(to, start));
        Assert.Equal(8_500_000, app.UsdtOf(to));
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
        Assert.Equal(1, await ReleasesAsync(view.Id));

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

    [Fact]
    public async Task Sweep_funds_a_deposit_address_with_trx_then_moves_its_usdt_to_the_hot_wallet()
    {
        var admin = await app.CreateSellerAsync("0", admin: true);
        using var deposit = TronKey.Generate();
        app.Chain.Faucet(deposit.Address, FaucetToken.Usdt, 25_000_000);
        app.Blocks(1);
        var before = app.UsdtOf(app.HotWallet.Address);

        var energy = await (await admin.Http.PostAsJsonAsync("/api/admin/treasury/sweep", new { privateKey = deposit.ExportHex() })).Content.ReadFromJsonAsync<SweepResult>();
        app.Blocks(1);
        var sweep = await (await admin.Http.PostAsJsonAsync("/api/admin/treasury/sweep", new { privateKey = deposit.ExportHex() })).Content.ReadFromJsonAsync<SweepResult>();
        app.Blocks(1);
        var empty = await admin.Http.PostAsJsonAsync("/api/admin/treasury/sweep", new { privateKey = deposit.ExportHex() });
        var treasury = await admin.Http.GetStringAsync(new Uri("/api/admin/treasury", UriKind.Relative));

        Assert.Equal("energy", energy!.Step);
        Assert.Equal("sweep", sweep!.Step);
        Assert.Equal(before + 25_000_000, app.UsdtOf(app.HotWallet.Address));
        Assert.Equal(WithdrawalProblems.NothingToSweep, await empty.ProblemTypeAsync());
        Assert.DoesNotContain(deposit.ExportHex(), treasury, StringComparison.Ordinal);
        Assert.DoesNotContain(app.HotWallet.Key.ExportHex(), treasury, StringComparison.Ordinal);
        await app.AssertAuditPassesAsync();
    }

    [Fact]
    public async Task Crashes_inside_a_request_or_a_rejection_are_finished_by_the_sender_exactly_once()
    {
        var seller = await app.CreateSellerAsync("500");
        var to = await app.UsableAddressAsync(seller);
        var review = await (await WithdrawalsApp.RequestAsync(seller, "150", to)).Content.ReadFromJsonAsync<WithdrawalView>();
        long orphanId;
        using (var scope = app.Services.CreateScope())
        {
            // A rejection that crashed after its status, before its release; a request that crashed after its row, before its hold.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rejecting = await db.Set<Withdrawal>().SingleAsync(w => w.Id == review!.Id);
            rejecting.Status = WithdrawalStatus.Rejecting;
            var orphan = new Withdrawal
            {
                UserId = seller.UserId, Amount = 10_000_000, PlatformFee = 500_000, NetworkFee = 1_000_000, Net = 8_500_000,
                ToAddress = to.ToBase58(), Status = WithdrawalStatus.Holding, CreatedAt = app.Time.GetUtcNow(), UpdatedAt = app.Time.GetUtcNow(),
            };
            db.Add(orphan);
            await db.SaveChangesAsync();
            orphanId = orphan.Id;
        }

        await app.Sender.ProcessOnceAsync(); // the orphan is younger than a minute: its request may still be running
        var young = await GetAsync(orphanId);
        app.Time.Advance(TimeSpan.FromMinutes(2));
        await app.Sender.ProcessOnceAsync();
        await NewSender().ProcessOnceAsync();
        app.Solidify();
        await app.Sender.ProcessOnceAsync();

        Assert.Equal(WithdrawalStatus.Holding, young.Status);
        Assert.Equal(WithdrawalStatus.Rejected, (await GetAsync(review!.Id)).Status);
        Assert.Equal(1, await ReleasesAsync(review.Id));
        Assert.Equal(WithdrawalStatus.Completed, (await GetAsync(orphanId)).Status);
        Assert.Equal(new UserBalances(Micros.Zero, Micros.ParseUsdt("490"), Micros.Zero), await app.BalancesAsync(seller));
        await app.AssertAuditPassesAsync();
    }

    private const long DevHotWalletFundingAmount = 1_000_000 * 1_000_000L;

    private PayoutSender NewSender() => ActivatorUtilities.CreateInstance<PayoutSender>(app.Services);

    private async Task<Withdrawal> GetAsync(long id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Withdrawal>().AsNoTracking().SingleAsync(w => w.Id == id);
    }

    private async Task<int> ReleasesAsync(long id)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<LedgerTransfer>().CountAsync(t => t.Reference == $"withdrawal:{id}" && t.Kind == TransferKind.WithdrawalRelease);
    }

    private sealed class SimulatedCrashException : Exception;
}
