using System.Collections.Concurrent;
using Meterchat.Cluster;

namespace Meterchat.Chats.Ownership;

/// <summary>
/// Several nodes: which node drives a session (from its lease, remembered briefly) and handing a party's event to it
/// over the <see cref="ClusterBus"/>. On one node nothing is ever routed.
/// </summary>
public sealed class SessionRoutes(ClusterBus bus, LeaseStore leases, ClusterNode node, TimeProvider time, ILogger<SessionRoutes> logger)
{
    // How long a node remembers that another node drives a session (its events skip the gate and go straight there).
    private static readonly TimeSpan OwnerMemory = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<Guid, (string Node, DateTimeOffset Until)> _owners = new();

    /// <summary>A session known to be driven elsewhere is forwarded without waiting for this node's gate; false when it was not.</summary>
    public async Task<bool> ForwardToKnownOwnerAsync(Guid sessionId, ChatEvent e, int hops)
    {
        if (KnownOwner(sessionId) is not { } known)
        {
            return false;
        }

        if (hops < ClusterBus.MaxHops && await bus.ForwardAsync(known, sessionId, e, hops))
        {
            return true;
        }

        _owners.TryRemove(sessionId, out _);
        return false;
    }

    /// <summary>Hands the event to the node that drives its session (when another node does).</summary>
    public async Task ForwardAsync(string? owner, Guid sessionId, ChatEvent e, int hops)
    {
        if (owner is not null && hops < ClusterBus.MaxHops && !await bus.ForwardAsync(owner, sessionId, e, hops))
        {
            _owners.TryRemove(sessionId, out _);
            logger.LogWarning("Event {Event} of {Session} went to node {Node}, which no longer listens; its lease will expire", e.GetType().Name, sessionId, owner);
        }
    }

    /// <summary>The node holding a live lease on this session, when it is not this node (remembered briefly).</summary>
    public async Task<string?> OtherOwnerAsync(Guid sessionId, CancellationToken ct)
    {
        if (!node.Clustered)
        {
            return null;
        }

        if (await leases.OwnerAsync(sessionId, ct) is { Live: true } owner && owner.NodeId != node.Id)
        {
            _owners[sessionId] = (owner.NodeId, time.GetUtcNow() + OwnerMemory);
            return owner.NodeId;
        }

        return null;
    }

    /// <summary>Forgets owners remembered for longer than <see cref="OwnerMemory"/> (each lease pass).</summary>
    public void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (id, known) in _owners)
        {
            if (known.Until <= now)
            {
                _owners.TryRemove(id, out _);
            }
        }
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
}
