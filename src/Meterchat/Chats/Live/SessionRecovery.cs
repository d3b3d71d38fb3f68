using Meterchat.Chats.Ownership;
using Meterchat.Chats.Store;
using Meterchat.Cluster;

namespace Meterchat.Chats.Live;

/// <summary>
/// Sessions nobody drove for a while come back into memory: on start (every open session, and ended ones that may
/// still owe an automatic refund) and, with several nodes, when this node takes over expired leases. Each goes
/// through <see cref="LandedUnits"/> (ledger reconciled, ServerRecovered: the downtime is never billed).
/// </summary>
public sealed class SessionRecovery(
    IChatSessions store, SessionMemory memory, LandedUnits landed, LeaseStore leases, ClusterNode node, TimeProvider time, ILogger<SessionRecovery> logger)
{
    /// <summary>
    /// The rebuild on start. With several nodes, open sessions are taken over through their expired leases
    /// (<see cref="LeaseKeeper"/>), not all at once: only the refunds are recovered here.
    /// </summary>
    public async Task RestartAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await memory.WaitAsync(ct);
        try
        {
            var recovered = new List<LiveSession>();
            var open = node.Clustered ? [] : (await store.ListOpenAsync(ct)).Select(r => r.Id).ToList();
            foreach (var live in await memory.LoadManyAsync(open, ct))
            {
                await landed.RecoverAsync(live, now, ct);
                recovered.Add(live);
            }

            foreach (var row in await store.ListRefundCandidatesAsync(now.AddDays(-1), ct))
            {
                var session = await store.LoadAsync(row.Id, ct);
                if (session is { RequiresAutoRefund: true })
                {
                    var live = new LiveSession(row.Id, row.BuyerId, row.SellerId, session, new HeartbeatWatch(session.Meter.Options.HeartbeatTimeout));
                    memory.Hold(live);
                    recovered.Add(live);
                }
            }

            await memory.PersistAsync(recovered, ct);
            foreach (var live in recovered)
            {
                memory.Schedule(live, now);
            }

            if (recovered.Count > 0)
            {
                logger.LogInformation("Meter recovered {Count} sessions after a restart", recovered.Count);
            }
        }
        finally
        {
            memory.Release();
        }
    }

    /// <summary>Under the gate: sessions whose expired lease this node just claimed (nobody drove them since their last logged event).</summary>
    public async Task TakeOverAsync(IReadOnlyList<HeldLease> claimed, CancellationToken ct)
    {
        if (claimed.Count == 0)
        {
            return;
        }

        var tokens = claimed.ToDictionary(l => l.SessionId, l => l.Token);
        foreach (var id in tokens.Keys)
        {
            memory.Remove(id);
        }

        var loaded = await memory.LoadManyAsync(tokens.Keys, ct);
        var over = tokens.Keys.Except(loaded.Where(l => !l.Session.IsOver).Select(l => l.Id)).ToList();
        foreach (var live in loaded)
        {
            live.Fence = tokens[live.Id];
            if (live.Session.IsOver)
            {
                memory.Remove(live.Id);
                continue;
            }

            await memory.TakeOverAsync(live, ct);
            memory.Schedule(live, time.GetUtcNow());
        }

        await leases.ReleaseSessionsAsync(over, ct);
        logger.LogInformation("Node {Node} took over {Count} sessions", node.Id, loaded.Count - over.Count);
    }
}
