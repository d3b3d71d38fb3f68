using System.Net.Http.Json;
using Meterchat.Data;
using Meterchat.Ledger;
using Meterchat.Withdrawals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Withdrawals;

/// <summary>Crashes at every step of a payout (request, rejection, store, broadcast) still pay or return exactly once.</summary>
public sealed class PayoutCrashTests(WithdrawalsApp app) : IClassFixture<WithdrawalsApp>
{
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
            rejecting.Reject("an admin", "crashed before its release", app.Time.GetUtcNow());
            var orphan = new Withdrawal
            {
                UserId = seller.UserId, Amount = 10_000_000, PlatformFee = 500_000, NetworkFee = 1_000_000, Net = 8_500_000,
                ToAddress = to.ToBase58(), CreatedAt = app.Time.GetUtcNow(), UpdatedAt = app.Time.GetUtcNow(),
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
        Assert.Equal(1, await app.ReleasesAsync(review.Id));
        Assert.Equal(WithdrawalStatus.Completed, (await GetAsync(orphanId)).Status);
        Assert.Equal(new UserBalances(Micros.Zero, Micros.ParseUsdt("490"), Micros.Zero), await app.BalancesAsync(seller));
        await app.AssertAuditPassesAsync();
    }

    private PayoutSender NewSender() => ActivatorUtilities.CreateInstance<PayoutSender>(app.Services);

    private Task<Withdrawal> GetAsync(long id) => app.WithdrawalAsync(id);

    private sealed class SimulatedCrashException : Exception;
}
