using System.Text.Json;
using Meterchat.Chats.Store;
using Meterchat.Cluster;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Meterchat.Chats.Ownership;

/// <summary>
/// Carries a party's event to the node that drives its session: each node listens on its own Redis channel
/// (<c>{prefix}:node:{id}</c>, <see cref="RoutedEvents"/>). Pushes back to the parties go through SignalR groups,
/// which the backplane carries to whichever node holds their connection. Redis is registered only with several
/// nodes, so on one node the connection is absent and nothing is ever sent.
/// </summary>
public sealed class ClusterBus(IOptions<RedisConnectionOptions> redis, IConnectionMultiplexer? connection = null)
{
    /// <summary>An event that went round this many nodes without finding its owner is dropped (the next report retries).</summary>
    public const int MaxHops = 3;

    public RedisChannel Channel(string nodeId) => RedisChannel.Literal($"{redis.Value.ChannelPrefix}:node:{nodeId}");

    /// <summary>Sends the event to its owner; false when no node listens on that channel (the owner is gone).</summary>
    public async Task<bool> ForwardAsync(string owner, Guid sessionId, ChatEvent e, int hops)
    {
        if (connection is null)
        {
            return false;
        }

        var message = JsonSerializer.Serialize(new RoutedEnvelope(sessionId, ChatJson.Serialize(e), hops + 1), ChatJson.Options);
        return await connection.GetSubscriber().PublishAsync(Channel(owner), message) > 0;
    }

    /// <summary>This node's own channel, in arrival order.</summary>
    public async Task<ChannelMessageQueue> ListenAsync(string nodeId) =>
        await (connection ?? throw new InvalidOperationException("Routing needs Redis:Connection.")).GetSubscriber().SubscribeAsync(Channel(nodeId));
}
