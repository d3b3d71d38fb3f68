using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Data;
using Meterchat.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Chats;

public sealed class MeterClockTests
{
    private static readonly ChatTerms Seed = new(new TokenRate(20), 2500);

    private static string NewUser(string who) => $"{who}-{Guid.NewGuid():N}";

    [Fact]
    public async Task Thirty_live_minutes_at_20_tokens_charge_600_tokens_through_the_ledger()
    {
        await using var app = new ChatAppFactory();
        var (buyer, seller) = (NewUser("buyer"), NewUser("seller"));
        await app.DepositAsync(buyer, Micros.FromUsdt(10));
        var id = await app.AcceptedSessionAsync(buyer, seller, Seed);

        await app.GoLiveAsync(id);
        await app.RunAsync(id, TimeSpan.FromMinutes(30));
        await app.Live.ApplyAsync(id, new PartyLeft(app.Time.GetUtcNow(), Party.Buyer));
        await app.Clock.TickAsync();

        var session = (await app.Sessions.LoadAsync(id))!;
        Assert.Equal(EndReason.BuyerLeft, session.EndReason);
        Assert.Equal(300, session.UnitsCharged);
        Assert.Equal(Micros.FromUsdt(10) - new Micros(6_000_000), await app.Ledger.GetBalanceAsync(AccountRef.Wallet(buyer)));
        Assert.Equal(new Micros(4_500_000), await app.Ledger.GetBalanceAsync(AccountRef.Earnings(seller)));
        Assert.Equal(300, await UnitTransfersAsync(app, id));
        Assert.True((await app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task The_buyers_wallet_after_a_unit_is_the_ledgers_with_a_deposit_that_landed_between_units()
    {
        await using var app = new ChatAppFactory();
        var (buyer, seller) = (NewUser("buyer"), NewUser("seller"));
        await app.DepositAsync(buyer, Micros.FromUsdt(1));
        var id = await app.AcceptedSessionAsync(buyer, seller, Seed);
        await app.GoLiveAsync(id);
        await app.RunAsync(id, TimeSpan.FromSeconds(3));
        var live = (await app.Live.FindAsync(id))!;
        Assert.Equal(Micros.FromUsdt(1) - Seed.Split.Price, live.Wallet);

        await app.DepositAsync(buyer, Micros.FromUsdt(2));
        await app.RunAsync(id, TimeSpan.FromSeconds(6));

        Assert.Equal(2, (await app.Sessions.LoadAsync(id))!.UnitsCharged);
        Assert.Equal(Micros.FromUsdt(3) - (Seed.Split.Price * 2), live.Wallet);
        Assert.Equal(await app.Ledger.GetBalanceAsync(AccountRef.Wallet(buyer)), live.Wallet);
    }

    [Fact]
    public async Task An_adopted_session_has_its_ledger_accounts_before_its_first_unit()
    {
        await using var app = new ChatAppFactory();
        var (buyer, seller) = (NewUser("buyer"), NewUser("seller"));
        await app.DepositAsync(buyer, Micros.FromUsdt(1));
        var id = await app.AcceptedSessionAsync(buyer, seller, Seed);

        await app.Live.AdoptAsync([id]);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var earnings = await db.Set<LedgerAccount>().SingleAsync(a => a.Code == AccountRef.Earnings(seller).Code);
        Assert.Equal(0, earnings.Balance);
        Assert.Equal(0, await UnitTransfersAsync(app, id));
    }

    [Fact]
    public async Task Units_are_charged_at_three_seconds_and_every_six_after()
    {
        await using var app = new ChatAppFactory();
        var (buyer, seller) = (NewUser("buyer"), NewUser("seller"));
        await app.DepositAsync(buyer, Micros.FromUsdt(1));
        var id = await app.AcceptedSessionAsync(buyer, seller, Seed);
        await app.GoLiveAsync(id);

        await app.RunAsync(id, TimeSpan.FromMilliseconds(2500));
        Assert.Equal(0, (await app.Sessions.LoadAsync(id))!.UnitsCharged);
        await app.RunAsync(id, TimeSpan.FromMilliseconds(500));
        Assert.Equal(1, (await app.Sessions.LoadAsync(id))!.UnitsCharged);
        await app.RunAsync(id, TimeSpan.FromSeconds(6));
        Assert.Equal(2, (await app.Sessions.LoadAsync(id))!.UnitsCharged);
    }

    [Fact]
    public async Task Balance_exhaustion_ends_the_session_at_the_unit_that_does_not_fit()
    {
        await using var app = new ChatAppFactory();
        var (buyer, seller) = (NewUser("buyer"), NewUser("seller"));
        await app.DepositAsync(buyer, new Micros(50_000)); // 2.5 units at 20 000 µUSDT
        var id = await app.AcceptedSessionAsync(buyer, seller, Seed);
        await app.GoLiveAsync(id);

        await app.RunAsync(id, TimeSpan.FromSeconds(30));

        var session = (await app.Sessions.LoadAsync(id))!;
        Assert.Equal(EndReason.BalanceExhausted, session.EndReason);
        Assert.Equal(2, session.UnitsCharged);
        Assert.Equal(new Micros(10_000), await app.Ledger.GetBalanceAsync(AccountRef.Wallet(buyer)));
        Assert.Contains(session.Events, e => e is BuyerWarned);
        Assert.True((await app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task Spending_limit_ends_the_session_before_the_wallet()
    {
        await using var app = new ChatAppFactory();
        var (buyer, seller) = (NewUser("buyer"), NewUser("seller"));
        await app.DepositAsync(buyer, Micros.FromUsdt(5));
        var id = await app.AcceptedSessionAsync(buyer, seller, Seed with { SpendingLimit = Micros.FromTokens(10) }); // 5 units

        await app.GoLiveAsync(id);
        await app.RunAsync(id, TimeSpan.FromMinutes(1));

        var session = (await app.Sessions.LoadAsync(id))!;
        Assert.Equal(EndReason.SpendingLimitReached, session.EndReason);
        Assert.Equal(5, session.UnitsCharged);
        Assert.Equal(Micros.FromUsdt(5) - Micros.FromTokens(10), await app.Ledger.GetBalanceAsync(AccountRef.Wallet(buyer)));
    }

    [Fact]
    public async Task A_session_lost_in_its_first_30_seconds_is_refunded_in_full()
    {
        await using var app = new ChatAppFactory();
        var (buyer, seller) = (NewUser("buyer"), NewUser("seller"));
        await app.DepositAsync(buyer, Micros.FromUsdt(1));
        var id = await app.AcceptedSessionAsync(buyer, seller, Seed);
        await app.GoLiveAsync(id);
        await app.RunAsync(id, TimeSpan.FromSeconds(20));
        Assert.True((await app.Sessions.LoadAsync(id))!.UnitsCharged > 0);

        // Both clients go silent: heartbeats lost, paused, the grace runs out.
        await app.RunAsync(id, TimeSpan.FromSeconds(70), heartbeats: false);

        var session = (await app.Sessions.LoadAsync(id))!;
        Assert.Equal(EndReason.ConnectionLost, session.EndReason);
        Assert.True(session.RequiresAutoRefund);
        Assert.Equal(Micros.FromUsdt(1), await app.Ledger.GetBalanceAsync(AccountRef.Wallet(buyer)));
        Assert.Equal(Micros.Zero, await app.Ledger.GetBalanceAsync(AccountRef.Earnings(seller)));
        Assert.True((await app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task A_restart_bills_no_downtime_and_charges_no_unit_twice()
    {
        var (buyer, seller) = (NewUser("buyer"), NewUser("seller"));
        Guid id;
        TestDbHandle db;
        DateTimeOffset crashedAt;
        await using (var first = new ChatAppFactory())
        {
            await first.DepositAsync(buyer, Micros.FromUsdt(5));
            id = await first.AcceptedSessionAsync(buyer, seller, Seed);
            await first.GoLiveAsync(id);
            await first.RunAsync(id, TimeSpan.FromSeconds(60));
            Assert.Equal(10, (await first.Sessions.LoadAsync(id))!.UnitsCharged);

            // A unit that reached the ledger just before the crash, but not the log.
            await first.Ledger.TransferAsync(MeterClock.UnitTransfer(new LiveSession(id, buyer, seller, (await first.Sessions.LoadAsync(id))!, new HeartbeatWatch(TimeSpan.FromSeconds(6))), 11, Seed.Split));
            db = new TestDbHandle(first.Db);
            crashedAt = first.Time.GetUtcNow();
        }

        await using var second = new ChatAppFactory(db.Database, crashedAt + TimeSpan.FromMinutes(5));
        _ = second.Services; // starts the host: recovery runs
        var recovered = (await second.Sessions.LoadAsync(id))!;
        Assert.Equal(ChatState.Paused, recovered.State);
        Assert.Equal(11, recovered.UnitsCharged);
        Assert.True(recovered.LiveTime(second.Time.GetUtcNow()) <= TimeSpan.FromSeconds(63));

        await second.GoLiveAsync(id);
        await second.RunAsync(id, TimeSpan.FromSeconds(30));
        await second.Live.ApplyAsync(id, new PartyLeft(second.Time.GetUtcNow(), Party.Seller));
        await second.Clock.TickAsync();

        var session = (await second.Sessions.LoadAsync(id))!;
        Assert.Equal(session.UnitsCharged, await UnitTransfersAsync(second, id));
        Assert.InRange(session.UnitsCharged, 15, 16);
        Assert.Equal(Micros.FromUsdt(5) - (Seed.Split.Price * session.UnitsCharged), await second.Ledger.GetBalanceAsync(AccountRef.Wallet(buyer)));
        Assert.True((await second.AuditAsync()).Passed);
    }

    private static async Task<int> UnitTransfersAsync(ChatAppFactory app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var reference = id.ToString();
        return await db.Set<LedgerTransfer>().CountAsync(t => t.Reference == reference && t.Kind == TransferKind.ChatUnit);
    }

    private sealed record TestDbHandle(Infrastructure.TestDatabase Database);
}
