using Meterchat.Chats;
using Meterchat.Data;
using Meterchat.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Chats;

/// <summary>The clock under overload and outages: bounded ticks, and a store that fails never loses a session or an event.</summary>
public sealed class ClockOverloadTests
{
    private static readonly ChatTerms Seed = new(new TokenRate(20), 2500);

    [Fact]
    public async Task A_store_outage_keeps_the_sessions_in_the_clock_and_stores_their_events_when_it_is_back()
    {
        await using var app = new ChatAppFactory();
        var store = FlakyChatSessions.Install(app);
        var (leaving, staying) = (await LiveSessionAsync(app), await LiveSessionAsync(app));

        store.FailAppends = true;
        await RunAsync(app, TimeSpan.FromSeconds(10), leaving.Id, staying.Id);
        await app.Live.ApplyAsync(leaving.Id, new PartyLeft(app.Time.GetUtcNow(), Party.Buyer));
        await app.Clock.TickAsync();
        Assert.True(store.FailedAppends > 0);
        Assert.Equal(2, app.Clock.Count); // both still driven from memory, though nothing of the last 10 s is stored
        Assert.Equal(0, (await app.Sessions.LoadAsync(staying.Id))!.UnitsCharged);

        store.FailAppends = false;
        await RunAsync(app, TimeSpan.FromSeconds(2), staying.Id);

        // The leave made during the outage is stored, and every unit in the ledger is in the logs.
        var left = (await app.Sessions.LoadAsync(leaving.Id))!;
        Assert.Equal((ChatState.Ended, EndReason.BuyerLeft, 2L), (left.State, left.EndReason, left.UnitsCharged));
        Assert.Equal(2, await UnitTransfersAsync(app, leaving.Id));
        Assert.Equal(2, (await app.Sessions.LoadAsync(staying.Id))!.UnitsCharged);
        Assert.Equal(2, await UnitTransfersAsync(app, staying.Id));
        Assert.Equal(1, app.Clock.Count); // the ended session left the clock once its end was stored
        Assert.True((await app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task A_tick_takes_at_most_its_batch_and_the_next_tick_takes_the_rest()
    {
        await using var app = new ChatAppFactory();
        app.Settings["Chat:MaxTickSessions"] = "1";
        var (first, second) = (await LiveSessionAsync(app), await LiveSessionAsync(app));
        app.Time.Advance(TimeSpan.FromSeconds(3)); // unit 1 of both falls due

        Assert.Equal(1, await app.Clock.TickAsync());
        Assert.Equal(1, await app.Clock.TickAsync());

        Assert.Equal(1, (await app.Sessions.LoadAsync(first.Id))!.UnitsCharged);
        Assert.Equal(1, (await app.Sessions.LoadAsync(second.Id))!.UnitsCharged);
    }

    [Fact]
    public async Task Reports_that_wait_behind_a_tick_are_stored_in_one_append_and_each_lands()
    {
        await using var app = new ChatAppFactory();
        var store = FlakyChatSessions.Install(app);
        var sessions = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            sessions.Add((await LiveSessionAsync(app)).Id);
        }

        var memory = app.Services.GetRequiredService<Meterchat.Chats.Live.SessionMemory>();
        var before = store.Appends;
        await memory.WaitAsync(CancellationToken.None); // a tick holds the gate
        var reports = sessions.Select(id => app.Live.ApplyAsync(id, new MediaReported(app.Time.GetUtcNow(), Party.Buyer, false, false))).ToList();
        memory.Release();
        var applied = await Task.WhenAll(reports);

        Assert.Equal(1, store.Appends - before); // one transaction for the five, not one each
        Assert.All(applied, live => Assert.Equal(ChatState.Paused, live!.Session.State));
        foreach (var id in sessions)
        {
            Assert.Equal(ChatState.Paused, (await app.Sessions.LoadAsync(id))!.State);
        }
    }

    private static async Task<(Guid Id, string Buyer)> LiveSessionAsync(ChatAppFactory app)
    {
        var (buyer, seller) = ($"buyer-{Guid.NewGuid():N}", $"seller-{Guid.NewGuid():N}");
        await app.DepositAsync(buyer, Micros.FromUsdt(1));
        var id = await app.AcceptedSessionAsync(buyer, seller, Seed);
        await app.GoLiveAsync(id);
        return (id, buyer);
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

    private static async Task<int> UnitTransfersAsync(ChatAppFactory app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var reference = id.ToString();
        return await db.Set<LedgerTransfer>().CountAsync(t => t.Kind == TransferKind.ChatUnit && t.Reference == reference);
    }
}
