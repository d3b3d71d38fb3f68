using System.Collections.Concurrent;
using Meterchat.Chats.Ownership;
using Meterchat.Chats.Store;
using Meterchat.Cluster;

namespace Meterchat.Chats.Live;

/// <summary>
/// The only writer of session events. A party's event (join, report, leave, drop, a block or ban) is applied to the
/// in-memory session under the gate of <see cref="SessionMemory"/>, stored when it changed something, and pushed to
/// both parties; with several nodes an event of a session another node drives is routed there instead
/// (<see cref="SessionRoutes"/>). A ringing request's answer is recorded straight in the store (<see cref="RecordAsync"/>).
/// It also knows which parties have a hub connection to this node.
/// </summary>
public sealed partial class LiveSessions(
    SessionMemory memory,
    IChatSessions store,
    SessionRoutes routes,
    ArrivingStops arrivals,
    ChatNotifier notifier,
    LeaseStore leases,
    ClusterNode node,
    TimeProvider time)
{
    // Optimistic writes of a request's answer: a clash with another writer replays the newer log and tries again.
    private const int MaxAttempts = 10;

    // Events one hold of the gate applies and stores together at most (joins and reports that piled up behind a tick).
    private const int MaxBatchEvents = 2000;

    // Events waiting for the gate, in arrival order; see ApplyPendingAsync.
    private readonly ConcurrentQueue<PendingEvent> _pending = new();

    // Which parties have a joined connection to this node, for "is the other side here".
    private readonly ConcurrentDictionary<(Guid, Party), int> _present = new();

    /// <summary>
    /// Applies an event from a party (join, report, leave, drop) to the in-memory session and stores it when it
    /// changed something. Returns the session after it, or null when there is no open session here.
    /// </summary>
    public Task<LiveSession?> ApplyAsync(Guid sessionId, ChatEvent e, CancellationToken ct = default) => ApplyAsync(sessionId, e, 0, ct);

    /// <summary>As above; <paramref name="hops"/> counts the nodes an event was routed through (several nodes).</summary>
    public async Task<LiveSession?> ApplyAsync(Guid sessionId, ChatEvent e, int hops, CancellationToken ct)
    {
        if (await routes.ForwardToKnownOwnerAsync(sessionId, e, hops))
        {
            return null;
        }

        var pending = new PendingEvent(sessionId, e, null);
        await ApplyPendingAsync([pending], ct);
        var (live, owner, _) = await pending.Done;
        await routes.ForwardAsync(owner, sessionId, e, hops);
        return live;
    }

    /// <summary>
    /// A party's hub joined: applies its <see cref="PartyConnected"/> and returns the party's view, both under one hold
    /// of the gate (batched with whatever else waits for it). Null when this node does not drive the session.
    /// </summary>
    public async Task<ChatStatus?> JoinAsync(Guid sessionId, PartyConnected e, CancellationToken ct = default)
    {
        if (await routes.ForwardToKnownOwnerAsync(sessionId, e, 0))
        {
            return null;
        }

        var pending = new PendingEvent(sessionId, e, e.Party);
        await ApplyPendingAsync([pending], ct);
        var (_, owner, status) = await pending.Done;
        await routes.ForwardAsync(owner, sessionId, e, 0);
        return status;
    }

    /// <summary>Events routed here by other nodes, applied in arrival order under one hold of the gate and stored in one append.</summary>
    public async Task ApplyRoutedAsync(IReadOnlyList<(Guid SessionId, ChatEvent Event, int Hops)> events, CancellationToken ct = default)
    {
        var pending = events.Select(x => new PendingEvent(x.SessionId, x.Event, null)).ToList();
        await ApplyPendingAsync(pending, ct);
        for (var i = 0; i < pending.Count; i++)
        {
            var (_, owner, _) = await pending[i].Done;
            await routes.ForwardAsync(owner, events[i].SessionId, events[i].Event, events[i].Hops);
        }
    }

    /// <summary>Under the gate: applies the event to a session this node drives; else returns the node that drives it.</summary>
    private async Task<(LiveSession? Live, string? Owner)> ApplyLockedAsync(Guid sessionId, ChatEvent e, CancellationToken ct)
    {
        // A second attempt when storing lost a race (another writer, or the lease moved): the session is reloaded.
        for (var attempt = 1; ; attempt++)
        {
            var live = await memory.GetOrLoadAsync(sessionId, ct);
            if (live is null)
            {
                return (null, await routes.OtherOwnerAsync(sessionId, ct));
            }

            ConnectReporter(live, e);
            live.Watch.Observe(e);
            var result = live.Session.Apply(e);
            if (result.IsApplied || live.Session.Events.Count > live.Stored)
            {
                await memory.PersistAsync([live], ct);
                if (attempt == 1 && !memory.Holds(live))
                {
                    continue;
                }

                await notifier.StatusAsync(live, e.At);
            }

            memory.Schedule(live, e.At);
            return (live, null);
        }
    }

    /// <summary>
    /// An event for a session the clock does not drive: the answer to a ringing request (accept, decline, cancel,
    /// expire) or a ban of a pending request. Replayed from the stored log, applied, appended; a clash with another
    /// writer replays the newer log and tries again. An accepted session joins memory through <see cref="AdoptAsync"/>.
    /// </summary>
    public async Task<(ApplyResult Result, ChatSession Session)> RecordAsync(Guid sessionId, ChatEvent e, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var session = await store.LoadAsync(sessionId, ct) ?? throw new KeyNotFoundException($"No chat session {sessionId}.");
            var stored = session.Events.Count;
            var result = session.Apply(e);
            if (!result.IsApplied || (await store.AppendAsync([new ChatAppend(sessionId, session, stored)], ct)).Count == 0)
            {
                return (result, session);
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"Session {sessionId} kept changing while {e.GetType().Name} was recorded.");
            }
        }
    }

    /// <summary>The in-memory session for the hub's join, loading it from the store if needed.</summary>
    public async Task<LiveSession?> FindAsync(Guid sessionId, CancellationToken ct = default)
    {
        await memory.WaitAsync(ct);
        try
        {
            return await memory.GetOrLoadAsync(sessionId, ct);
        }
        finally
        {
            memory.Release();
        }
    }

    /// <summary>Takes these sessions from the store into memory, due now (an accepted request; the load tool).</summary>
    public async Task AdoptAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct = default)
    {
        await memory.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            var fences = new Dictionary<Guid, long>();
            if (node.Clustered)
            {
                foreach (var id in sessionIds.Where(id => !memory.Contains(id)))
                {
                    if (await leases.ClaimSessionAsync(id, ct) is { } lease)
                    {
                        fences[id] = lease.Token;
                    }
                }

                sessionIds = fences.Keys;
            }

            foreach (var live in await memory.LoadManyAsync(sessionIds, ct))
            {
                live.Fence = fences.TryGetValue(live.Id, out var fence) ? fence : null;
                memory.Schedule(live, now);
            }
        }
        finally
        {
            memory.Release();
        }
    }

    /// <summary>A snapshot of a party's view (for a page render or a join).</summary>
    public async Task<ChatStatus?> StatusAsync(Guid sessionId, Party party, CancellationToken ct = default)
    {
        await memory.WaitAsync(ct);
        try
        {
            var live = node.Clustered && !memory.Contains(sessionId) ? await memory.ReadOnlyAsync(sessionId, ct) : await memory.GetOrLoadAsync(sessionId, ct);
            return live is null ? null : ChatNotifier.StatusFor(live, party, time.GetUtcNow());
        }
        finally
        {
            memory.Release();
        }
    }

    /// <summary>A party's hub connection joined (or, below, left) this session on this node.</summary>
    public void Joined(Guid sessionId, Party party) => _present.AddOrUpdate((sessionId, party), 1, (_, n) => n + 1);

    public void Gone(Guid sessionId, Party party) => _present.AddOrUpdate((sessionId, party), 0, (_, n) => Math.Max(0, n - 1));

    /// <summary>
    /// Whether a party's hub is connected: joined on this node, or (several nodes, where the hub counts joins per node
    /// only) connected by the session's evidence.
    /// </summary>
    public async Task<bool> PresentAsync(Guid sessionId, Party party, CancellationToken ct = default)
    {
        if (_present.TryGetValue((sessionId, party), out var n) && n > 0)
        {
            return true;
        }

        if (!node.Clustered)
        {
            return false;
        }

        await memory.WaitAsync(ct);
        try
        {
            var live = memory.TryGet(sessionId, out var held) ? held : await memory.ReadOnlyAsync(sessionId, ct);
            return live?.Session.Evidence[party].HubConnected == true;
        }
        finally
        {
            memory.Release();
        }
    }

    /// <summary>
    /// Under the gate, what a tick hands back: stores the due sessions' new events, pushes each changed or charged
    /// session to both parties; one that is over, fully charged, refunded if owed and stored gets its receipt pushed
    /// and leaves memory (its lease goes); the others are queued for their next due moment.
    /// </summary>
    public async Task SettleTickAsync(List<LiveSession> due, HashSet<LiveSession> charged, DateTimeOffset now, CancellationToken ct)
    {
        var changed = due.Where(l => l.Session.Events.Count > l.Stored).ToList();
        await memory.PersistAsync(changed, ct);
        var pushed = new HashSet<LiveSession>(changed); // a list's Contains here was quadratic in the tick's size
        var ended = new List<Guid>();
        foreach (var live in due)
        {
            if (pushed.Contains(live) || charged.Contains(live))
            {
                await notifier.StatusAsync(live, now);
            }

            if (live.Session.IsOver && live.Session.UnitsToCharge(now) == 0 && (live.RefundSettled || !live.Session.RequiresAutoRefund) && live.IsStored)
            {
                await notifier.EndedAsync(live, now);
                memory.Remove(live.Id);
                live.ScheduledAt = null;
                ended.Add(live.Id);
            }
            else
            {
                memory.Schedule(live, now);
            }
        }

        if (node.Clustered)
        {
            await leases.ReleaseSessionsAsync(ended, ct);
        }
    }

    // Several nodes: a party whose hub stayed on another node while the session changed hands reports without
    // joining again; its report proves the hub connection, so it counts as one.
    private void ConnectReporter(LiveSession live, ChatEvent e)
    {
        if (node.Clustered && e is MediaReported m && !live.Session.Evidence[m.Party].HubConnected)
        {
            live.Watch.Beat(m.Party, m.At);
            live.Session.Apply(new PartyConnected(m.At, m.Party));
        }
    }
}
