using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Meterchat.Cluster;

/// <summary>
/// Several nodes: which sellers have their seller page connected to ANY node. Each node mirrors its own links
/// (the sellers' presence links) into Redis: <c>{prefix}:presence:{seller}</c> = "c" while connected (refreshed every
/// RenewSeconds, expiring after LeaseSeconds, so a dead node's sellers fade out), or the unix ms of the last loss
/// (the offline grace runs from it on every node). On one node this is a no-op and the local links decide alone.
/// </summary>
public sealed class SharedPresence(ClusterNode node, IServiceProvider services, IOptions<RedisConnectionOptions> redis, IOptions<ClusterOptions> cluster, TimeProvider time, ILogger<SharedPresence> logger)
{
    private const string Connected = "c";

    public bool Enabled => node.Clustered;

    public void MarkConnected(string sellerId)
    {
        if (Enabled)
        {
            Fire(Db().StringSetAsync(Key(sellerId), Connected, cluster.Value.Lease));
        }
    }

    public void MarkLost(string sellerId)
    {
        if (Enabled)
        {
            Fire(Db().StringSetAsync(Key(sellerId), time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), TimeSpan.FromHours(1)));
        }
    }

    /// <summary>Connected on some node now, or lost there less than <paramref name="grace"/> ago.</summary>
    public bool IsConnected(string sellerId, TimeSpan grace)
    {
        if (!Enabled)
        {
            return false;
        }

        try
        {
            var value = Db().StringGet(Key(sellerId));
            return value == Connected
                || (long.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var lost)
                    && time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(lost) < grace);
        }
        catch (RedisException e)
        {
            logger.LogWarning(e, "Shared presence unavailable; using this node's links only");
            return false;
        }
    }

    /// <summary>Refreshes the "connected" mark of every seller connected to this node.</summary>
    public async Task RefreshAsync(IEnumerable<string> sellerIds)
    {
        var db = Db();
        await Task.WhenAll(sellerIds.Select(id => db.StringSetAsync(Key(id), Connected, cluster.Value.Lease)));
    }

    private IDatabase Db() => services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();

    private RedisKey Key(string sellerId) => $"{redis.Value.ChannelPrefix}:presence:{sellerId}";

    private void Fire(Task task) =>
        task.ContinueWith(t => logger.LogWarning(t.Exception, "Shared presence write failed"), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
