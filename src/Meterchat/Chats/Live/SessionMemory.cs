using Meterchat.Chats.Ownership;
using Meterchat.Chats.Store;
using Meterchat.Cluster;
using Meterchat.Ledger;
using Microsoft.Extensions.Options;

namespace Meterchat.Chats.Live;

/// <summary>
/// The sessions this node holds in memory (a cache of their stored logs), their one gate and the queue of when each
/// is due next; it loads a session on first touch (claiming its lease with several nodes) and stores new events.
/// Part of <see cref="LiveSessions"/>: every member but the gate itself is used only while holding the gate.
/// </summary>
public sealed class SessionMemory(
    IChatSessions store,
    LeaseStore leases,
    ClusterNode node,
    BuyerWallets wallets,
    ILedger ledger,
    LandedUnits landed,
    TimeProvider time,
    IOptions<ChatOptions> options,
    ILogger<SessionMemory> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<Guid, LiveSession> _sessions = [];
    private readonly PriorityQueue<LiveSession, DateTimeOffset> _queue = new();

    /// <summary>Sessions held in memory now.</summary>
    public int Count => _sessions.Count;

    public IEnumerable<LiveSession> Held => _sessions.Values;

    public Task WaitAsync(CancellationToken ct) => _gate.WaitAsync(ct);

    public void Release() => _gate.Release();

    public void Dispose() => _gate.Dispose();

    public bool TryGet(Guid sessionId, out LiveSession live) => _sessions.TryGetValue(sessionId, out live!);

    public bool Contains(Guid sessionId) => _sessions.ContainsKey(sessionId);

    /// <summary>Whether this very copy is still the one held (storing may have reloaded it).</summary>
    public bool Holds(LiveSession live) => _sessions.TryGetValue(live.Id, out var current) && current == live;

    public void Hold(LiveSession live) => _sessions[live.Id] = live;

    public bool Remove(Guid sessionId) => _sessions.Remove(sessionId);

    /// <summary>
    /// Bounded: a clock that falls behind works through its backlog in batches of a size the store and ledger take in
    /// one transaction each, instead of one ever larger tick.
    /// </summary>
    public List<LiveSession> TakeDue(DateTimeOffset now, int max)
    {
        var due = new List<LiveSession>();
        while (due.Count < max && _queue.TryPeek(out var live, out var at) && at <= now)
        {
            _queue.Dequeue();
            if (live.ScheduledAt == at && Holds(live))
            {
                live.ScheduledAt = null;
                due.Add(live);
            }
        }

        return due;
    }

    /// <summary>Queues the session for its next due moment: a unit, a deadline, a lost heartbeat, a warning, or now when unstored.</summary>
    public void Schedule(LiveSession live, DateTimeOffset now)
    {
        if (!_sessions.ContainsKey(live.Id))
        {
            return;
        }

        var session = live.Session;
        DateTimeOffset? next = session.IsOver || !live.IsStored ? now : session.NextUnitDueAt(now);
        next = Earliest(next, session.ConnectDeadline);
        next = Earliest(next, session.ReconnectDeadline);
        next = Earliest(next, live.Watch.NextDeadline);
        if (live.Wallet is { } wallet && session.State == ChatState.Live)
        {
            var outlook = session.Meter.Outlook(session, now, wallet);
            if (outlook.WarningDue || outlook.WarnAt > now)
            {
                next = Earliest(next, outlook.WarnAt);
            }
        }

        if (next is { } at && (live.ScheduledAt is null || at < live.ScheduledAt))
        {
            live.ScheduledAt = at;
            _queue.Enqueue(live, at);
        }
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>The held session, or loaded from the store (claiming its lease with several nodes); null when it is not open here.</summary>
    public async Task<LiveSession?> GetOrLoadAsync(Guid sessionId, CancellationToken ct)
    {
        if (_sessions.TryGetValue(sessionId, out var live))
        {
            return live;
        }

        var row = await store.FindAsync(sessionId, ct);
        if (row is null || row.State is ChatState.Requested || row.State is ChatState.Ended or ChatState.Declined or ChatState.Expired or ChatState.Failed)
        {
            return null;
        }

        HeldLease? lease = null;
        if (node.Clustered && (lease = await leases.ClaimSessionAsync(sessionId, ct)) is null)
        {
            return null;
        }

        var session = await store.LoadAsync(sessionId, ct);
        if (session is null || session.IsOver)
        {
            if (lease is not null)
            {
                await leases.ReleaseSessionsAsync([sessionId], ct);
            }

            return null;
        }

        live = new LiveSession(row.Id, row.BuyerId, row.SellerId, session, new HeartbeatWatch(session.Meter.Options.HeartbeatTimeout))
        {
            Wallet = await wallets.OfAsync(row.BuyerId, ct),
            Fence = lease?.Token,
        };
        _sessions[sessionId] = live;
        await ledger.OpenAccountsAsync([.. MeterClock.UnitAccounts(live)], ct);
        if (lease is { TakenOver: true })
        {
            await TakeOverAsync(live, ct);
        }

        return live;
    }

    /// <summary>
    /// Many sessions from the store into memory, in two queries and one wallet read per thousand buyers. The ledger
    /// accounts their units move money between are opened here, outside the clock's tick, so a session's first unit
    /// costs the tick what any other unit costs (a batch of new sessions used to create their sellers' accounts in the tick).
    /// </summary>
    public async Task<List<LiveSession>> LoadManyAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct)
    {
        var loaded = new List<LiveSession>();
        foreach (var (row, session) in await store.LoadManyAsync(sessionIds.Where(id => !_sessions.ContainsKey(id)).ToList(), ct))
        {
            var live = new LiveSession(row.Id, row.BuyerId, row.SellerId, session, new HeartbeatWatch(session.Meter.Options.HeartbeatTimeout));
            _sessions[row.Id] = live;
            loaded.Add(live);
        }

        if (loaded.Count > 0)
        {
            await ledger.OpenAccountsAsync([.. loaded.SelectMany(MeterClock.UnitAccounts).DistinctBy(a => a.Code)], ct);
        }

        await wallets.RefreshAsync(loaded, ct);
        return loaded;
    }

    /// <summary>A session another node drives, read from the store for a status snapshot (not kept, not driven).</summary>
    public async Task<LiveSession?> ReadOnlyAsync(Guid sessionId, CancellationToken ct)
    {
        var row = await store.FindAsync(sessionId, ct);
        var session = row is null ? null : await store.LoadAsync(sessionId, ct);
        return row is null || session is null
            ? null
            : new LiveSession(row.Id, row.BuyerId, row.SellerId, session, new HeartbeatWatch(session.Meter.Options.HeartbeatTimeout))
            {
                Wallet = await wallets.OfAsync(row.BuyerId, ct),
            };
    }

    /// <summary>
    /// A session claimed from another node (or from nobody): recovered as after a restart (<see cref="LandedUnits"/>)
    /// and stored.
    /// </summary>
    public async Task TakeOverAsync(LiveSession live, CancellationToken ct)
    {
        await landed.RecoverAsync(live, time.GetUtcNow(), ct);
        await PersistAsync([live], ct);
    }

    /// <summary>
    /// Stores the new events of these sessions, a bounded batch per transaction; a session another writer moved is
    /// reloaded. A batch the store fails keeps its sessions in memory, unstored: they are due at once and the next tick
    /// stores them (memory holds what the ledger already has; dropping them would lose events such as a leave).
    /// </summary>
    public async Task PersistAsync(List<LiveSession> changed, CancellationToken ct)
    {
        if (changed.Count == 0)
        {
            return;
        }

        var conflicts = new List<Guid>();
        foreach (var batch in changed.Chunk(options.Value.AppendBatchSessions))
        {
            try
            {
                conflicts.AddRange(await store.AppendAsync(batch.Select(l => new ChatAppend(l.Id, l.Session, l.Stored, l.Fence, l.Head)).ToList(), ct));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Storing {Count} sessions' events failed; they stay in memory and are stored at the next tick", batch.Length);
                continue;
            }

            foreach (var live in batch)
            {
                live.Stored = live.Session.Events.Count;
            }
        }

        foreach (var id in conflicts)
        {
            // Several nodes: reloading claims the lease again; it fails (and the session is dropped) when another node holds it.
            logger.LogWarning("Session {Session} changed in the store meanwhile (or its lease moved); reloading it", id);
            if (_sessions.Remove(id, out var stale))
            {
                var reloaded = await GetOrLoadAsync(id, ct);
                if (reloaded is not null)
                {
                    reloaded.Wallet = stale.Wallet;
                    Schedule(reloaded, time.GetUtcNow());
                }
            }
        }
    }
}
