using System.Text.Json;
using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Store;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Meterchat.Cluster;

/// <summary>
/// Routes a party's event to the node that drives its session: each node listens on its own Redis channel
/// (<c>{prefix}:node:{id}</c>) and applies what arrives there in order, through its clock. Pushes back to the
/// parties go through SignalR groups, which the backplane carries to whichever node holds their connection.
/// </summary>
public sealed class ClusterBus(ClusterNode node, IServiceProvider services, IOptions<RedisConnectionOptions> redis, ILogger<ClusterBus> logger) : IHostedService
{
    /// <summary>An event that went round this many nodes without finding its owner is dropped (the next report retries).</summary>
    public const int MaxHops = 3;

    private ChannelMessageQueue? _queue;

    public RedisChannel Channel(string nodeId) => RedisChannel.Literal($"{redis.Value.ChannelPrefix}:node:{nodeId}");

    /// <summary>Sends the event to its owner; false when no node listens on that channel (the owner is gone).</summary>
    public async Task<bool> ForwardAsync(string owner, Guid sessionId, ChatEvent e, int hops)
    {
        var subscriber = services.GetRequiredService<IConnectionMultiplexer>().GetSubscriber();
        var message = JsonSerializer.Serialize(new Envelope(sessionId, ChatJson.Serialize(e), hops + 1), ChatJson.Options);
        return await subscriber.PublishAsync(Channel(owner), message) > 0;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!node.Clustered)
        {
            return;
        }

        var subscriber = services.GetRequiredService<IConnectionMultiplexer>().GetSubscriber();
        _queue = await subscriber.SubscribeAsync(Channel(node.Id));
        _queue.OnMessage(async message =>
        {
            try
            {
                var envelope = JsonSerializer.Deserialize<Envelope>(message.Message.ToString(), ChatJson.Options)!;
                var clock = services.GetRequiredService<MeterClock>();
                await clock.ApplyAsync(envelope.SessionId, ChatJson.Deserialize(envelope.Event), envelope.Hops, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "A routed session event failed");
            }
        });
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_queue is not null)
        {
            await _queue.UnsubscribeAsync();
        }
    }

    private sealed record Envelope(Guid SessionId, string Event, int Hops);
}
