using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Meterchat.Hosting.Health;

/// <summary>Redis (the SignalR backplane and coturn's traffic events) answers a PING in time. Registered only when Redis is configured.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis, IOptionsMonitor<HealthThresholds> thresholds) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        TimeSpan rtt;
        try
        {
            rtt = await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer.", data: new Dictionary<string, object> { ["error"] = e.GetType().Name });
        }

        var data = new Dictionary<string, object> { ["pingMilliseconds"] = Math.Round(rtt.TotalMilliseconds, 1) };
        var text = $"PING {rtt.TotalMilliseconds:0.0} ms.";
        return rtt.TotalMilliseconds >= thresholds.CurrentValue.RedisDegradedMilliseconds ? HealthCheckResult.Degraded(text, data: data) : HealthCheckResult.Healthy(text, data);
    }
}
