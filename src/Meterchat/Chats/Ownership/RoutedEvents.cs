using System.Text.Json;
using System.Threading.Channels;
using Meterchat.Chats.Live;
using Meterchat.Chats.Store;
using Meterchat.Cluster;

namespace Meterchat.Chats.Ownership;

/// <summary>
/// Several nodes: applies the events other nodes routed here (this node drives their sessions) through
/// <see cref="LiveSessions"/>, in arrival order; whatever piled up while the gate was busy goes in under one hold.
/// </summary>
public sealed class RoutedEvents(ClusterNode node, ClusterBus bus, LiveSessions sessions, ILogger<RoutedEvents> logger) : IHostedService
{
    private StackExchange.Redis.ChannelMessageQueue? _queue;
    private Task _pump = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!node.Clustered)
        {
            return;
        }

        _queue = await bus.ListenAsync(node.Id);
        _pump = Task.Run(PumpAsync, CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_queue is not null)
        {
            await _queue.UnsubscribeAsync();
            await _pump;
        }
    }

    private async Task PumpAsync()
    {
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
                    await sessions.ApplyRoutedAsync(batch);
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

    private void Add(List<(Guid, ChatEvent, int)> batch, StackExchange.Redis.ChannelMessage message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<RoutedEnvelope>(message.Message.ToString(), ChatJson.Options)!;
            batch.Add((envelope.SessionId, ChatJson.Deserialize(envelope.Event), envelope.Hops));
        }
        catch (JsonException e)
        {
            logger.LogError(e, "A routed session event could not be read");
        }
    }
}
