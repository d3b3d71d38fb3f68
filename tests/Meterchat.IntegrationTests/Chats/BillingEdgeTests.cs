using Meterchat.Admin;
using Meterchat.Audit;
using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Retention;
using Meterchat.Data;
using Meterchat.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Chats;

/// <summary>The meter at the edges: extreme commissions, a faulty ledger, settings changed later, late stops and drops.</summary>
public sealed class BillingEdgeTests
{
    private static readonly ChatTerms Seed = new(new TokenRate(20), 2500);

    private static string NewUser(string who) => $"{who}-{Guid.NewGuid():N}";

    [Theory]
    [InlineData(0)]
    [InlineData(10_000)]
    public async Task A_commission_of_0_or_10000_bp_bills_every_unit_and_the_session_ends(int commission)
    {
        await using var app = new ChatAppFactory();
        var (buyer, seller) = (NewUser("buyer"), NewUser("seller"));
        await app.DepositAsync(buyer, Micros.FromUsdt(1));
        var id = await app.AcceptedSessionAsync(buyer, seller, Seed with { CommissionBasisPoints = commission });
        await app.GoLiveAsync(id);

        await app.RunAsync(id, TimeSpan.FromSeconds(30));
        await app.Live.ApplyAsync(id, new PartyLeft(app.Time.GetUtcNow(), Party.Buyer));
        await app.Clock.TickAsync();

        var session = (await app.Sessions.LoadAsync(id))!;
        var charged = new Micros(5 * 20_000);
        Assert.Equal((ChatState.Ended, EndReason.BuyerLeft, 5L), (session.State, session.EndReason, session.UnitsCharged));
        Assert.Equal(0, app.Clock.Count); // Ended was pushed and the session left the clock
        Assert.Equal(Micros.FromUsdt(1) - charged, await app.Ledger.GetBalanceAsync(AccountRef.Wallet(buyer)));
        Assert.Equal(commission == 0 ? charged : Micros.Zero, await app.Ledger.GetBalanceAsync(AccountRef.Earnings(seller)));
        Assert.Equal(commission == 0 ? Micros.Zero : charged, await app.Ledger.GetBalanceAsync(AccountRef.PlatformRevenue));
        Assert.True((await app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task A_ledger_that_keeps_refusing_a_sessions_unit_ends_it_as_BillingFault_refunds_it_and_the_clock_goes_on()
    {
        await using var app = new ChatAppFactory();
        var ledger = ScriptedLedger.Install(app);
        var (faulty, other) = (await LiveSessionAsync(app), await LiveSessionAsync(app));
        ledger.Refuse = r => r.IdempotencyKey.StartsWith($"unit:{faulty.Id}:", StringComparison.Ordinal) && long.Parse(r.IdempotencyKey.Split(':')[^1]) >= 3;

        await RunAsync(app, TimeSpan.FromSeconds(40), faulty.Id, other.Id);

        // Units 1 and 2 went through; unit 3 (due at 15 s) failed five ticks in a row: the session ended at about 17 s of
        // live time, under the 30 s of the refund rule, so the buyer got the two units back.
        var session = (await app.Sessions.LoadAsync(faulty.Id))!;
        Assert.Equal((ChatState.Ended, EndReason.BillingFault, 2L), (session.State, session.EndReason, session.UnitsCharged));
        Assert.True(session.RequiresAutoRefund);
        Assert.Equal(Micros.FromUsdt(1), await app.Ledger.GetBalanceAsync(AccountRef.Wallet(faulty.Buyer)));
        Assert.Equal(Micros.Zero, await app.Ledger.GetBalanceAsync(AccountRef.Earnings(faulty.Seller)));
        Assert.Equal(7, (await app.Sessions.LoadAsync(other.Id))!.UnitsCharged);
        Assert.Equal(1, app.Clock.Count);
        var flagged = Assert.Single(await AuditRowsAsync(app, MeterClock.BillingFaultAction));
        Assert.Equal($"session:{faulty.Id}", flagged.Target);
        Assert.True((await app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task A_ledger_that_throws_on_one_session_fails_only_that_session()
    {
        await using var app = new ChatAppFactory();
        var ledger = ScriptedLedger.Install(app);
        var (faulty, other) = (await LiveSessionAsync(app), await LiveSessionAsync(app));
        ledger.Throw = r => r.Reference == faulty.Id.ToString();

        await RunAsync(app, TimeSpan.FromSeconds(40), faulty.Id, other.Id);

        var session = (await app.Sessions.LoadAsync(faulty.Id))!;
        Assert.Equal((EndReason.BillingFault, 0L), (session.EndReason, session.UnitsCharged));
        Assert.Equal(Micros.FromUsdt(1), await app.Ledger.GetBalanceAsync(AccountRef.Wallet(faulty.Buyer)));
        Assert.Equal(7, (await app.Sessions.LoadAsync(other.Id))!.UnitsCharged);
        Assert.Single(await AuditRowsAsync(app, MeterClock.BillingFaultAction));
        Assert.True((await app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task A_longer_refund_window_set_later_neither_shows_nor_pays_a_refund_for_an_old_session()
    {
        var (buyer, seller) = (NewUser("buyer"), NewUser("seller"));
        Guid id;
        Infrastructure.TestDatabase db;
        DateTimeOffset endedAt;
        await using (var first = new ChatAppFactory())
        {
            await first.DepositAsync(buyer, Micros.FromUsdt(1));
            id = await first.AcceptedSessionAsync(buyer, seller, Seed);
            await first.GoLiveAsync(id);
            await first.RunAsync(id, TimeSpan.FromSeconds(40));
            await first.RunAsync(id, TimeSpan.FromSeconds(70), heartbeats: false);
            var lost = (await first.Sessions.LoadAsync(id))!;
            Assert.Equal(EndReason.ConnectionLost, lost.EndReason);
            Assert.False(lost.RequiresAutoRefund);
            db = first.Db;
            endedAt = first.Time.GetUtcNow();
        }

        // Unit 8 fell due at 45 s, before the silence was noticed at 46 s: 8 units, 45 s of live time, no refund.
        // The operator raises the refund window to 60 s; the server restarts (recovery retries owed refunds).
        await using var second = new ChatAppFactory(db, endedAt + TimeSpan.FromMinutes(5));
        second.Settings["Meter:AutoRefundLiveSeconds"] = "60";
        _ = second.Services;

        var receipt = await SessionReceipts.ForAsync(second.Sessions, id, second.Time.GetUtcNow(), default);
        Assert.Equal(0, receipt!.RefundMicros);
        Assert.Equal(Micros.FromUsdt(1) - new Micros(8 * 20_000), await second.Ledger.GetBalanceAsync(AccountRef.Wallet(buyer)));
        Assert.Equal(60, second.Clock.Meter.Options.AutoRefundLiveSeconds);
    }

    [Fact]
    public async Task End_is_billed_as_of_when_it_arrived_even_if_a_tick_charges_while_it_waits()
    {
        await using var app = new ChatAppFactory();
        var ledger = ScriptedLedger.Install(app);
        var other = await LiveSessionAsync(app); // its unit 1 falls due at 3 s
        app.Time.Advance(TimeSpan.FromSeconds(1));
        var ending = await LiveSessionAsync(app); // live 1 s later: its unit 1 falls due at 4 s

        // A tick at 3 s holds the clock's gate while the ledger is slow.
        app.Time.Advance(TimeSpan.FromSeconds(2));
        var hold = new TaskCompletionSource();
        ledger.Hold = hold;
        var slowTick = app.Clock.TickAsync();
        await ledger.Holding.Task;

        // At 3.5 s (2.5 s of live time) the buyer presses End; the next tick is already waiting, so it runs first.
        app.Time.Advance(TimeSpan.FromMilliseconds(500));
        var nextTick = app.Clock.TickAsync();
        var end = app.Live.ApplyAsync(ending.Id, new PartyLeft(app.Time.GetUtcNow(), Party.Buyer));
        app.Time.Advance(TimeSpan.FromSeconds(1.5)); // 5 s: the ending session's unit 1 fell due at 4 s
        hold.SetResult();
        await slowTick;
        await nextTick;
        await end;
        await app.Clock.TickAsync();

        var session = (await app.Sessions.LoadAsync(ending.Id))!;
        Assert.Equal((EndReason.BuyerLeft, 0L), (session.EndReason, session.UnitsCharged));
        Assert.Equal(TimeSpan.FromSeconds(2.5), session.LiveTime(app.Time.GetUtcNow()));
        Assert.Equal(Micros.FromUsdt(1), await app.Ledger.GetBalanceAsync(AccountRef.Wallet(ending.Buyer)));
        Assert.Equal(1, (await app.Sessions.LoadAsync(other.Id))!.UnitsCharged);
    }

    [Fact]
    public async Task A_session_that_really_failed_before_30_s_is_refunded_though_the_silence_was_noticed_after()
    {
        await using var app = new ChatAppFactory();
        var (buyer, seller) = (NewUser("buyer"), NewUser("seller"));
        await app.DepositAsync(buyer, Micros.FromUsdt(1));
        var id = await app.AcceptedSessionAsync(buyer, seller, Seed);
        await app.GoLiveAsync(id);

        // The last reports arrive at 24 s; the heartbeats are missed at 30 s, after unit 5 fell due at 27 s.
        await app.RunAsync(id, TimeSpan.FromSeconds(24));
        await app.RunAsync(id, TimeSpan.FromSeconds(70), heartbeats: false);

        var session = (await app.Sessions.LoadAsync(id))!;
        Assert.Equal(EndReason.ConnectionLost, session.EndReason);
        Assert.Equal(TimeSpan.FromSeconds(27), session.LiveTime(app.Time.GetUtcNow()));
        Assert.True(session.RequiresAutoRefund);
        Assert.Equal(Micros.FromUsdt(1), await app.Ledger.GetBalanceAsync(AccountRef.Wallet(buyer)));
        Assert.True((await app.AuditAsync()).Passed);
    }

    private static async Task<(Guid Id, string Buyer, string Seller)> LiveSessionAsync(ChatAppFactory app)
    {
        var (buyer, seller) = (NewUser("buyer"), NewUser("seller"));
        await app.DepositAsync(buyer, Micros.FromUsdt(1));
        var id = await app.AcceptedSessionAsync(buyer, seller, Seed);
        await app.GoLiveAsync(id);
        return (id, buyer, seller);
    }

    /// <summary>Moves time in clock ticks with heartbeats every 2 s for all these sessions.</summary>
    private static async Task RunAsync(ChatAppFactory app, TimeSpan span, params Guid[] ids)
    {
        var step = TimeSpan.FromMilliseconds(500);
        for (var t = step; t <= span; t += step)
        {
            app.Time.Advance(step);
            if (t.TotalMilliseconds % 2000 == 0)
            {
                foreach (var id in ids)
                {
                    await app.ReportAsync(id, true);
                }
            }

            await app.Clock.TickAsync();
        }
    }

    private static async Task<List<AdminAction>> AuditRowsAsync(ChatAppFactory app, string action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<AdminAction>().AsNoTracking().Where(a => a.Action == action).ToListAsync();
    }
}
