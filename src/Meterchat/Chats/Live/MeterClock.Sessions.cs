using Meterchat.Chats.Store;
using Meterchat.Cluster;
using Meterchat.Data;
using Meterchat.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Chats.Live;

/// <summary>The clock's in-memory sessions: what the hub changes, how they persist, and the rebuild on start.</summary>
public sealed partial class MeterClock
{
    /// <summary>
    /// Applies an event from a party (join, report, leave, drop) to the in-memory session and stores it when it
    /// changed something. Returns the session after it, or null when there is no open session.
    /// </summary>
    public Task<LiveSession?> ApplyAsync(Guid sessionId, ChatEvent e, CancellationToken ct = default) => ApplyAsync(sessionId, e, 0, ct);

    /// <summary>As above; <paramref name="hops"/> counts the nodes an event was routed through (several nodes).</summary>
    public async Task<LiveSession?> ApplyAsync(Guid sessionId, ChatEvent e, int hops, CancellationToken ct)
    {
        // Several nodes: a session known to be driven elsewhere is forwarded without waiting for this clock's gate.
        if (KnownOwner(sessionId) is { } known)
        {
            if (hops < ClusterBus.MaxHops && await bus.ForwardAsync(known, sessionId, e, hops))
            {
                return null;
            }

            _owners.TryRemove(sessionId, out _);
        }

        LiveSession? live;
        string? owner;
        var arriving = Arriving(sessionId, e);
        try
        {
            await _gate.WaitAsync(ct);
            try
            {
                (live, owner) = await ApplyLockedAsync(sessionId, e, ct);
            }
            finally
            {
                _gate.Release();
            }
        }
        finally
        {
            Arrived(arriving);
        }

        await ForwardAsync(owner, sessionId, e, hops);
        return live;
    }

    /// <summary>Events routed here by other nodes, applied in arrival order under one hold of the gate.</summary>
    public async Task ApplyRoutedAsync(IReadOnlyList<(Guid SessionId, ChatEvent Event, int Hops)> events, CancellationToken ct = default)
    {
        var onwards = new List<(string Owner, Guid SessionId, ChatEvent Event, int Hops)>();
        var arriving = events.Select(x => Arriving(x.SessionId, x.Event)).ToList();
        try
        {
            await _gate.WaitAsync(ct);
            try
            {
                foreach (var (sessionId, e, hops) in events)
                {
                    var (_, owner) = await ApplyLockedAsync(sessionId, e, ct);
                    if (owner is not null)
                    {
                        onwards.Add((owner, sessionId, e, hops));
                    }
                }
            }
            finally
            {
                _gate.Release();
            }
        }
        finally
        {
            arriving.ForEach(Arrived);
        }

        foreach (var (owner, sessionId, e, hops) in onwards)
        {
            await ForwardAsync(owner, sessionId, e, hops);
        }
    }

    /// <summary>Under the gate: applies the event to a session this node drives; else returns the node that drives it.</summary>
    private async Task<(LiveSession? Live, string? Owner)> ApplyLockedAsync(Guid sessionId, ChatEvent e, CancellationToken ct)
    {
        // A second attempt when storing lost a race (another writer, or the lease moved): the session is reloaded.
        for (var attempt = 1; ; attempt++)
        {
            var live = await GetOrLoadAsync(sessionId, ct);
            if (live is null)
            {
                return (null, node.Clustered ? await OtherOwnerAsync(sessionId, ct) : null);
            }

            ConnectReporter(live, e);
            Track(live, e);
            var result = live.Session.Apply(e);
            if (result.IsApplied || live.Session.Events.Count > live.Stored)
            {
                await PersistAsync([live], ct);
                if (attempt == 1 && !(_sessions.TryGetValue(sessionId, out var current) && current == live))
                {
                    continue;
                }

                await notifier.StatusAsync(live, e.At);
            }

            Schedule(live, e.At);
            return (live, null);
        }
    }

    private async Task ForwardAsync(string? owner, Guid sessionId, ChatEvent e, int hops)
    {
        if (owner is not null && hops < ClusterBus.MaxHops && !await bus.ForwardAsync(owner, sessionId, e, hops))
        {
            _owners.TryRemove(sessionId, out _);
            logger.LogWarning("Event {Event} of {Session} went to node {Node}, which no longer listens; its lease will expire", e.GetType().Name, sessionId, owner);
        }
    }

    /// <summary>The in-memory session for the hub's join, loading it from the store if needed.</summary>
    public async Task<LiveSession?> FindAsync(Guid sessionId, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await GetOrLoadAsync(sessionId, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Takes these sessions from the store into the clock's care (the load tool; a node taking over sessions).</summary>
    public async Task AdoptAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            var fences = new Dictionary<Guid, long>();
            if (node.Clustered)
            {
                foreach (var id in sessionIds.Where(id => !_sessions.ContainsKey(id)))
                {
                    if (await leases.ClaimSessionAsync(id, ct) is { } lease)
                    {
                        fences[id] = lease.Token;
                    }
                }

                sessionIds = fences.Keys;
            }

            foreach (var live in await LoadManyAsync(sessionIds, ct))
            {
                live.Fence = fences.TryGetValue(live.Id, out var fence) ? fence : null;
                Schedule(live, now);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<List<LiveSession>> LoadManyAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct)
    {
        var loaded = new List<LiveSession>();
        foreach (var (row, session) in await store.LoadManyAsync(sessionIds.Where(id => !_sessions.ContainsKey(id)).ToList(), ct))
        {
            var live = new LiveSession(row.Id, row.BuyerId, row.SellerId, session, new HeartbeatWatch(session.Meter.Options.HeartbeatTimeout));
            _sessions[row.Id] = live;
            loaded.Add(live);
        }

        await RefreshWalletsAsync(loaded, ct);
        return loaded;
    }

    /// <summary>A snapshot of a party's view (for a page render or a join).</summary>
    public async Task<ChatStatus?> StatusAsync(Guid sessionId, Party party, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var live = node.Clustered && !_sessions.ContainsKey(sessionId) ? await ReadOnlyAsync(sessionId, ct) : await GetOrLoadAsync(sessionId, ct);
            return live is null ? null : ChatNotifier.StatusFor(live, party, time.GetUtcNow());
        }
        finally
        {
            _gate.Release();
        }
    }

    // Heartbeats live only in memory: every report (and join) beats; a drop or leave stops the watch.
    private static void Track(LiveSession live, ChatEvent e)
    {
        switch (e)
        {
            case MediaReported m:
                live.Watch.Beat(m.Party, m.At);
                break;
            case PartyConnected c:
                live.Watch.Beat(c.Party, c.At);
                break;
            case PartyDisconnected d:
                live.Watch.Forget(d.Party);
                break;
            case PartyLeft l:
                live.Watch.Forget(l.Party);
                break;
        }
    }

    private async Task<LiveSession?> GetOrLoadAsync(Guid sessionId, CancellationToken ct)
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
            Wallet = await ledger.GetBalanceAsync(AccountRef.Wallet(row.BuyerId), ct),
            Fence = lease?.Token,
        };
        _sessions[sessionId] = live;
        if (lease is { TakenOver: true })
        {
            await TakeOverAsync(live, ct);
        }

        return live;
    }

    /// <summary>
    /// Stores the new events of these sessions, a bounded batch per transaction; a session another writer moved is
    /// reloaded. A batch the store fails keeps its sessions in memory, unstored: they are due at once and the next tick
    /// stores them (memory holds what the ledger already has; dropping them would lose events such as a leave).
    /// </summary>
    private async Task PersistAsync(List<LiveSession> changed, CancellationToken ct)
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
                conflicts.AddRange(await store.AppendAsync(batch.Select(l => new ChatAppend(l.Id, l.Session, l.Stored, l.Fence)).ToList(), ct));
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

    /// <summary>
    /// Refunds in full a session lost to a failure in its first seconds (key refund:{session}): the buyer's
    /// charges come back from the seller's earnings and the platform's revenue; what the seller already moved on
    /// is covered by the platform's losses account (<see cref="RefundSplit"/>, shared with disputes).
    /// </summary>
    private async Task RefundAsync(List<LiveSession> due, CancellationToken ct)
    {
        foreach (var live in due.Where(l => l.Session.RequiresAutoRefund && !l.RefundSettled))
        {
            var totals = live.Session.Terms.Split.Times(live.Session.UnitsCharged);
            var (result, split) = await RefundTransfer.BookAsync(
                ledger, RefundKey(live.Id), TransferKind.Refund, live.BuyerId, live.SellerId, totals.Price, totals.Seller, totals.Platform, live.Id.ToString(), ct);
            if (split.FromLosses.IsPositive && result.Status == TransferStatus.Completed)
            {
                logger.LogWarning("Refund of {Session}: the seller's earnings held {FromSeller} of their share; {FromLosses} came from platform losses", live.Id, split.FromSeller, split.FromLosses);
            }

            if (!result.Succeeded)
            {
                logger.LogError("Refund of {Session} was {Status}: {Problem}", live.Id, result.Status, result.Problem);
            }

            live.RefundSettled = true;
        }
    }

    /// <summary>
    /// The rebuild on start: every open session is replayed from its log, reconciled with the ledger (a unit whose
    /// transfer landed but whose event did not is recorded now, at the moment it fell due), then gets
    /// ServerRecovered: the live time stops at the last logged event, so the downtime is never billed.
    /// </summary>
    private async Task RecoverAsync(bool recoverOpen, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await _gate.WaitAsync(ct);
        try
        {
            var recovered = new List<LiveSession>();
            var open = recoverOpen ? (await store.ListOpenAsync(ct)).Select(r => r.Id).ToList() : [];
            foreach (var live in await LoadManyAsync(open, ct))
            {
                await RecordLandedUnitsAsync(live, ct);
                live.Session.Apply(new ServerRecovered(now));
                recovered.Add(live);
            }

            foreach (var row in await store.ListRefundCandidatesAsync(now.AddDays(-1), ct))
            {
                var session = await store.LoadAsync(row.Id, ct);
                if (session is { RequiresAutoRefund: true })
                {
                    var live = new LiveSession(row.Id, row.BuyerId, row.SellerId, session, new HeartbeatWatch(session.Meter.Options.HeartbeatTimeout));
                    _sessions[row.Id] = live;
                    recovered.Add(live);
                }
            }

            await PersistAsync(recovered, ct);
            foreach (var live in recovered)
            {
                Schedule(live, now);
            }

            if (recovered.Count > 0)
            {
                logger.LogInformation("Meter recovered {Count} sessions after a restart", recovered.Count);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RecordLandedUnitsAsync(LiveSession live, CancellationToken ct)
    {
        const int Window = 64;
        var session = live.Session;
        var keys = Enumerable.Range(1, Window).Select(i => UnitKey(live.Id, session.UnitsCharged + i)).ToList();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var landed = await db.Set<LedgerTransfer>().AsNoTracking().Where(t => keys.Contains(t.IdempotencyKey)).Select(t => t.IdempotencyKey).ToListAsync(ct);
        for (var i = 0; i < Window && landed.Contains(keys[i]); i++)
        {
            var unit = session.UnitsCharged + 1;
            var at = session.LastEventAt;
            if (session.State == ChatState.Live)
            {
                var wait = session.Meter.DueAt(unit) - session.LiveTime(at);
                at = wait > TimeSpan.Zero ? at + wait : at;
            }

            var result = session.Apply(new UnitCharged(at, unit));
            logger.LogWarning("Unit {Unit} of {Session} was in the ledger but not the log: {Outcome}", unit, live.Id, result.Outcome);
            if (!result.IsApplied)
            {
                break;
            }
        }
    }
}
