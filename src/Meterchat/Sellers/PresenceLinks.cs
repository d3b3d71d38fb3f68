using Meterchat.Cluster;

namespace Meterchat.Sellers;

/// <summary>
/// Which sellers have their seller page connected to this node, and when the last connection of each was lost.
/// In memory per node; with several nodes each node also mirrors its links into Redis (<see cref="SharedPresence"/>),
/// so a seller connected to another node counts as connected here too.
/// </summary>
public sealed class PresenceLinks(TimeProvider time, SharedPresence shared)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _sellerOfConnection = [];
    private readonly Dictionary<string, int> _connections = [];
    private readonly Dictionary<string, DateTimeOffset> _lostAt = [];

    public void Attach(string sellerId, string connectionId)
    {
        lock (_gate)
        {
            if (_sellerOfConnection.TryAdd(connectionId, sellerId))
            {
                _connections[sellerId] = _connections.GetValueOrDefault(sellerId) + 1;
                _lostAt.Remove(sellerId);
            }
        }

        shared.MarkConnected(sellerId);
    }

    public void Detach(string connectionId)
    {
        lock (_gate)
        {
            if (!_sellerOfConnection.Remove(connectionId, out var sellerId))
            {
                return;
            }

            var left = _connections[sellerId] - 1;
            if (left > 0)
            {
                _connections[sellerId] = left;
                return;
            }

            _connections.Remove(sellerId);
            _lostAt[sellerId] = time.GetUtcNow();
            shared.MarkLost(sellerId);
        }
    }

    /// <summary>Sellers with a page connected to this node now.</summary>
    public IReadOnlyList<string> ConnectedSellers()
    {
        lock (_gate)
        {
            return [.. _connections.Keys];
        }
    }

    /// <summary>Connected now, or lost less than <paramref name="grace"/> ago.</summary>
    public bool IsConnected(string sellerId, TimeSpan grace)
    {
        lock (_gate)
        {
            if (_connections.ContainsKey(sellerId) || (_lostAt.TryGetValue(sellerId, out var lost) && time.GetUtcNow() - lost < grace))
            {
                return true;
            }
        }

        return shared.IsConnected(sellerId, grace);
    }

    /// <summary>Sellers whose grace is over: forgotten here, and returned so their presence is recomputed.</summary>
    public IReadOnlyList<string> TakeLapsed(TimeSpan grace)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var lapsed = _lostAt.Where(p => now - p.Value >= grace).Select(p => p.Key).ToList();
            foreach (var id in lapsed)
            {
                _lostAt.Remove(id);
            }

            return lapsed;
        }
    }
}
