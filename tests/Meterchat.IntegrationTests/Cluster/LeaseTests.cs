using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Ownership;
using Meterchat.Chats.Store;
using Meterchat.Cluster;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meterchat.IntegrationTests.Cluster;

/// <summary>
/// The lease tables with two nodes on one database (the same SQL on SQLite and PostgreSQL): claim, renew, expiry and
/// take-over, and the fence that refuses a node writing a session after it lost the lease.
/// </summary>
public sealed class LeaseTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly ClusterOptions Timing = new() { LeaseSeconds = 10, RenewSeconds = 2 };

    private LeaseStore Node(string id) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), new ClusterNode(id, true), app.Time, Options.Create(Timing));

    private WorkerLeaseStore Workers(string id) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), new ClusterNode(id, true), app.Time, Options.Create(Timing));

    private ChatSessionStore Store(string id) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<MeterSource>(), app.Services.GetRequiredService<IMediaEvidence>(), new ClusterNode(id, true), app.Time);

    private IChatSessions Sessions => app.Services.GetRequiredService<IChatSessions>();

    private async Task<Guid> OpenSessionAsync()
    {
        var id = await Sessions.RequestAsync($"buyer-{Guid.NewGuid():N}", $"seller-{Guid.NewGuid():N}", new ChatTerms(new TokenRate(10), 2500));
        await app.Services.GetRequiredService<LiveSessions>().RecordAsync(id, new ChatAccepted(app.Time.GetUtcNow()));
        return id;
    }

    [Fact]
    public async Task A_session_claimed_by_one_node_is_refused_to_another_until_its_lease_expires()
    {
        var (one, two) = (Node($"one-{Guid.NewGuid():N}"), Node($"two-{Guid.NewGuid():N}"));
        var id = await OpenSessionAsync();

        var first = await one.ClaimSessionAsync(id);
        Assert.Equal(1, first?.Token);
        Assert.False(first!.Value.TakenOver);
        Assert.Null(await two.ClaimSessionAsync(id));
        Assert.Equal((one.NodeId, true), await one.OwnerAsync(id));

        app.Time.Advance(TimeSpan.FromSeconds(11));
        var taken = await two.ClaimSessionAsync(id);
        Assert.Equal(2, taken?.Token);
        Assert.True(taken!.Value.TakenOver);
        Assert.Equal((two.NodeId, true), await one.OwnerAsync(id));
    }

    [Fact]
    public async Task Renewing_keeps_a_lease_past_its_first_expiry()
    {
        var (one, two) = (Node($"one-{Guid.NewGuid():N}"), Node($"two-{Guid.NewGuid():N}"));
        var id = await OpenSessionAsync();
        await one.ClaimSessionAsync(id);

        for (var i = 0; i < 3; i++)
        {
            app.Time.Advance(TimeSpan.FromSeconds(8));
            Assert.Contains(new HeldLease(id, 1), await one.RenewSessionsAsync());
        }

        app.Time.Advance(TimeSpan.FromSeconds(8));
        Assert.Null(await two.ClaimSessionAsync(id));
        Assert.DoesNotContain(await two.ClaimExpiredSessionsAsync(), l => l.SessionId == id);
    }

    [Fact]
    public async Task A_dead_nodes_sessions_are_taken_over_by_the_scan_and_the_dead_node_no_longer_renews_them()
    {
        var (one, two) = (Node($"one-{Guid.NewGuid():N}"), Node($"two-{Guid.NewGuid():N}"));
        var id = await OpenSessionAsync();
        await one.ClaimSessionAsync(id);

        app.Time.Advance(TimeSpan.FromSeconds(11));
        Assert.Contains(new HeldLease(id, 2), await two.ClaimExpiredSessionsAsync());
        Assert.DoesNotContain(await one.RenewSessionsAsync(), l => l.SessionId == id);
        Assert.Contains(new HeldLease(id, 2), await two.RenewSessionsAsync());
    }

    [Fact]
    public async Task An_open_session_nobody_claimed_is_picked_up_by_the_scan()
    {
        var node = Node($"one-{Guid.NewGuid():N}");
        var id = await OpenSessionAsync();

        Assert.Contains(new HeldLease(id, 1), await node.ClaimExpiredSessionsAsync());
    }

    [Fact]
    public async Task A_node_that_lost_the_lease_cannot_append_to_the_session()
    {
        string oneId = $"one-{Guid.NewGuid():N}", twoId = $"two-{Guid.NewGuid():N}";
        var id = await OpenSessionAsync();
        var claim = await Node(oneId).ClaimSessionAsync(id);
        var stale = (await Sessions.LoadAsync(id))!;
        var stored = stale.Events.Count;
        stale.Apply(new PartyConnected(app.Time.GetUtcNow(), Party.Buyer));

        app.Time.Advance(TimeSpan.FromSeconds(11));
        var taken = await Node(twoId).ClaimSessionAsync(id);

        Assert.Equal([id], await Store(oneId).AppendAsync([new ChatAppend(id, stale, stored, claim!.Value.Token)]));
        Assert.Equal(stored, (await Sessions.LoadAsync(id))!.Events.Count);

        var current = (await Sessions.LoadAsync(id))!;
        current.Apply(new PartyConnected(app.Time.GetUtcNow(), Party.Seller));
        Assert.Empty(await Store(twoId).AppendAsync([new ChatAppend(id, current, stored, taken!.Value.Token)]));
        Assert.Equal(stored + 1, (await Sessions.LoadAsync(id))!.Events.Count);
    }

    [Fact]
    public async Task A_worker_runs_on_one_node_and_fails_over_when_its_lease_expires()
    {
        var (one, two) = (Workers($"one-{Guid.NewGuid():N}"), Workers($"two-{Guid.NewGuid():N}"));
        var worker = $"worker-{Guid.NewGuid():N}";

        Assert.Equal(1, await one.HoldWorkerAsync(worker));
        Assert.Null(await two.HoldWorkerAsync(worker));
        app.Time.Advance(TimeSpan.FromSeconds(8));
        Assert.Equal(1, await one.HoldWorkerAsync(worker));
        app.Time.Advance(TimeSpan.FromSeconds(8));
        Assert.Null(await two.HoldWorkerAsync(worker));

        app.Time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(2, await two.HoldWorkerAsync(worker));
        Assert.Null(await one.HoldWorkerAsync(worker));

        await two.ReleaseWorkerAsync(worker);
        Assert.Equal(3, await one.HoldWorkerAsync(worker));
    }

    [Fact]
    public async Task A_node_stopping_cleanly_lets_its_leases_go_at_once_as_a_take_over()
    {
        var (oneId, twoId) = ($"one-{Guid.NewGuid():N}", $"two-{Guid.NewGuid():N}");
        var (one, two) = (Node(oneId), Node(twoId));
        var id = await OpenSessionAsync();
        var worker = $"worker-{Guid.NewGuid():N}";
        await one.ClaimSessionAsync(id);
        await Workers(oneId).HoldWorkerAsync(worker);

        await one.ExpireAllAsync();
        await Workers(oneId).ExpireAllAsync();

        var taken = await two.ClaimSessionAsync(id);
        Assert.True(taken?.TakenOver);
        Assert.Equal(2, await Workers(twoId).HoldWorkerAsync(worker));
    }
}
