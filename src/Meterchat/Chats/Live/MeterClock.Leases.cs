using Meterchat.Cluster;
using Meterchat.Ledger;

namespace Meterchat.Chats.Live;

/// <summary>
/// The clock with several nodes: it drives only sessions it holds a lease for (SessionLeases), renews them in one
/// statement, takes over expired ones, and hands events of sessions held elsewhere to their owner (ClusterBus).
/// </summary>
public sealed partial class MeterClock
{
    // How long a node remembers that another node drives a session (its events skip the gate and go straight there).
    private static readonly TimeSpan OwnerMemory = TimeSpan.FromSeconds(2);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, (string Node, DateTimeOffset Until)> _owners = new();

    /// <summary>
    /// One pass of the lease keeper: renews this node's leases (a lease the store no longer returns with our token was
    /// lost: the session is dropped from memory), then claims expired leases and unclaimed open sessions and takes
    /// them over.
    /// </summary>
    public async Task KeepLeasesAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        foreach (var (id, known) in _owners)
        {
            if (known.Until <= now)
            {
                _owners.TryRemove(id, out _);
            }
        }

        await _gate.WaitAsync(ct);
        try
        {
            var held = (await leases.RenewSessionsAsync(ct)).ToDictionary(l => l.SessionId, l => l.Token);
            foreach (var live in _sessions.Values.Where(l => l.Fence is { } f && (!held.TryGetValue(l.Id, out var t) || t != f)).ToList())
            {
                logger.LogWarning("Node {Node} lost the lease of session {Session}; another node drives it now", node.Id, live.Id);
                _sessions.Remove(live.Id);
            }

            // Leases held for sessions no longer in memory (dropped after a failed write) must not be renewed forever
            // with nobody driving them: they expire now and the scan below takes them over properly.
            await leases.ExpireSessionsAsync(held.Keys.Where(id => !_sessions.ContainsKey(id)).ToList(), ct);

            var claimed = await leases.ClaimExpiredSessionsAsync(ct);
            if (claimed.Count == 0)
            {
                return;
            }

            var tokens = claimed.ToDictionary(l => l.SessionId, l => l.Token);
            foreach (var id in tokens.Keys)
            {
                _sessions.Remove(id);
            }

            var loaded = await LoadManyAsync(tokens.Keys, ct);
            var over = tokens.Keys.Except(loaded.Where(l => !l.Session.IsOver).Select(l => l.Id)).ToList();
            foreach (var live in loaded)
            {
                live.Fence = tokens[live.Id];
                if (live.Session.IsOver)
                {
                    _sessions.Remove(live.Id);
                    continue;
                }

                // Nobody drove these sessions since their last logged event: recover them as after a restart.
                await TakeOverAsync(live, ct);
                Schedule(live, time.GetUtcNow());
            }

            await leases.ReleaseSessionsAsync(over, ct);
            logger.LogInformation("Node {Node} took over {Count} sessions", node.Id, loaded.Count - over.Count);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A session claimed from another node (or from nobody): units that landed in the ledger but not in the log are
    /// recorded, then ServerRecovered cuts its live time at its last logged event (the gap is not billed) and asks
    /// for fresh evidence from both parties.
    /// </summary>
    private async Task TakeOverAsync(LiveSession live, CancellationToken ct)
    {
        await RecordLandedUnitsAsync(live, ct);
        live.Session.Apply(new ServerRecovered(time.GetUtcNow()));
        await PersistAsync([live], ct);
    }

    /// <summary>The node holding a live lease on this session, when it is not this node (remembered briefly).</summary>
    private async Task<string?> OtherOwnerAsync(Guid sessionId, CancellationToken ct)
    {
        if (await leases.OwnerAsync(sessionId, ct) is { Live: true } owner && owner.NodeId != node.Id)
        {
            _owners[sessionId] = (owner.NodeId, time.GetUtcNow() + OwnerMemory);
            return owner.NodeId;
        }

        return null;
    }

    private string? KnownOwner(Guid sessionId)
    {
        if (!node.Clustered || !_owners.TryGetValue(sessionId, out var known))
        {
            return null;
        }

        if (known.Until > time.GetUtcNow())
        {
            return known.Node;
        }

        _owners.TryRemove(sessionId, out _);
        return null;
    }

    /// <summary>
    /// Several nodes: a party whose hub stayed connected to another node while the session changed hands reports
    /// without joining again; its report proves the hub connection, so it counts as one.
    /// </summary>
    private void ConnectReporter(LiveSession live, ChatEvent e)
    {
        if (node.Clustered && e is MediaReported m && !live.Session.Evidence[m.Party].HubConnected)
        {
            var connected = new PartyConnected(m.At, m.Party);
            live.Watch.Beat(m.Party, m.At);
            live.Session.Apply(connected);
        }
    }

    /// <summary>
    /// Several nodes: whether a party's hub is connected by the session's evidence (the hub counts joins per node
    /// only). Always false on one node, where the hub's own count decides.
    /// </summary>
    public async Task<bool> PartyConnectedAsync(Guid sessionId, Party party, CancellationToken ct = default)
    {
        if (!node.Clustered)
        {
            return false;
        }

        await _gate.WaitAsync(ct);
        try
        {
            var live = _sessions.TryGetValue(sessionId, out var held) ? held : await ReadOnlyAsync(sessionId, ct);
            return live?.Session.Evidence[party].HubConnected == true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A session another node drives, read from the store for a status snapshot (not kept, not driven).</summary>
    private async Task<LiveSession?> ReadOnlyAsync(Guid sessionId, CancellationToken ct)
    {
        var row = await store.FindAsync(sessionId, ct);
        var session = row is null ? null : await store.LoadAsync(sessionId, ct);
        return row is null || session is null
            ? null
            : new LiveSession(row.Id, row.BuyerId, row.SellerId, session, new HeartbeatWatch(session.Meter.Options.HeartbeatTimeout))
            {
                Wallet = await ledger.GetBalanceAsync(AccountRef.Wallet(row.BuyerId), ct),
            };
    }
}
