using System.Text.Json;
using System.Threading.Channels;
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
    private Task _pump = Task.CompletedTask;

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
        _pump = Task.Run(PumpAsync, CancellationToken.None);
    }

    // In arrival order; whatever has piled up while the clock was busy is applied under one hold of its gate.
    private async Task PumpAsync()
    {
        var clock = services.GetRequiredService<MeterClock>();
        var batch = new List<(Guid, ChatEvent, int)>();
        try
        {
            while (true)
            {
                var message = await _queue!.ReadAsync();
                batch.Clear();
                Add(batch, message);
                while (batch.Count < 1000 && _queue.TryRead(out var more))
                {
                    Add(batch, more);
                }

                try
                {
                    await clock.ApplyRoutedAsync(batch);
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Applying {Count} routed session events failed", batch.Count);
                }
            }
        }
        catch (ChannelClosedException)
        {
        }
    }

    private void Add(List<(Guid, ChatEvent, int)> batch, ChannelMessage message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(message.Message.ToString(), ChatJson.Options)!;
            batch.Add((envelope.SessionId, ChatJson.Deserialize(envelope.Event), envelope.Hops));
        }
        catch (JsonException e)
        {
            logger.LogError(e, "A routed session event could not be read");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_queue is not null)
        {
            await _queue.UnsubscribeAsync();
            await _pump;
        }
    }

    private sealed record Envelope(Guid SessionId, string Event, int Hops);
}
