using Meterchat.Chats.Live;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Meterchat.Chats.Relay;

/// <summary>
/// Chat:Evidence=Relay: listens to coturn's <c>redis-statsdb</c> traffic deltas and turns them into
/// <see cref="RelayTraffic"/> events on the sessions (through <see cref="LiveSessions.ApplyAsync(Guid, ChatEvent, CancellationToken)"/>): flowing on each
/// two-way delta, stopped (backdated to the last delta) once <see cref="ChatOptions.RelayWindowSeconds"/> pass
/// without one. The subscription survives Redis restarts (the multiplexer resubscribes).
/// </summary>
public sealed class RelayTrafficSubscriber(
    IConnectionMultiplexer redis,
    LiveSessions sessions,
    TimeProvider time,
    IOptions<ChatOptions> options,
    ILogger<RelayTrafficSubscriber> logger) : BackgroundService
{
    private readonly RelayTrafficWatch _watch = new(TimeSpan.FromSeconds(options.Value.RelayWindowSeconds));
    private readonly Lock _lock = new();

    /// <summary>Two-way deltas received (for tests and the log).</summary>
    public long Deltas { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = await SubscribeAsync(stoppingToken);
        logger.LogInformation("Relay evidence: listening to {Pattern}, window {Window} s", CoturnTraffic.ChannelPattern, options.Value.RelayWindowSeconds);
        try
        {
            await Task.WhenAll(ReadAsync(queue, stoppingToken), ExpireAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await queue.UnsubscribeAsync();
        }
    }

    /// <summary>One delta from coturn (public so tests can feed one without a relay).</summary>
    public async Task OnMessageAsync(string channel, string payload, CancellationToken ct = default)
    {
        if (!CoturnTraffic.TryParse(channel, payload, out var traffic))
        {
            return;
        }

        RelayTraffic? flowing;
        lock (_lock)
        {
            flowing = _watch.Observe(traffic, time.GetUtcNow());
        }

        if (flowing is not null)
        {
            Deltas++;
            await sessions.ApplyAsync(traffic.SessionId, flowing, ct);
        }
    }

    /// <summary>Applies the stops of every party whose window passed (public so tests can step it with fake time).</summary>
    public async Task ExpireOnceAsync(CancellationToken ct = default)
    {
        IReadOnlyList<(Guid SessionId, RelayTraffic Stop)> expired;
        lock (_lock)
        {
            expired = _watch.TakeExpired(time.GetUtcNow());
        }

        foreach (var (sessionId, stop) in expired)
        {
            await sessions.ApplyAsync(sessionId, stop, ct);
        }
    }

    // Redis may be down when the node starts: keep trying (the meter pauses sessions meanwhile, it never bills blind).
    private async Task<ChannelMessageQueue> SubscribeAsync(CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return await redis.GetSubscriber().SubscribeAsync(RedisChannel.Pattern(CoturnTraffic.ChannelPattern));
            }
            catch (RedisException e)
            {
                logger.LogWarning(e, "Relay evidence: Redis is not reachable yet; retrying");
                await Task.Delay(TimeSpan.FromSeconds(5), time, ct);
            }
        }
    }

    private async Task ReadAsync(ChannelMessageQueue queue, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var message = await queue.ReadAsync(ct);
            try
            {
                await OnMessageAsync(message.Channel.ToString(), message.Message.ToString(), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Relay delta on {Channel} could not be applied", message.Channel.ToString());
            }
        }
    }

    private async Task ExpireAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), time, ct);
            try
            {
                await ExpireOnceAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Relay window check failed; retrying");
            }
        }
    }
}
