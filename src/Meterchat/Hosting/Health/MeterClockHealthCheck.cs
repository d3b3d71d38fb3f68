using Meterchat.Chats.Live;
using Meterchat.Observability;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Meterchat.Hosting.Health;

/// <summary>The meter clock keeps ticking: a stuck clock charges nobody and ends nothing.</summary>
internal sealed class MeterClockHealthCheck(MeterchatMetrics metrics, TimeProvider time, IOptions<ChatOptions> chat, IOptionsMonitor<HealthThresholds> thresholds) : IHealthCheck
{
    private readonly DateTimeOffset _started = time.GetUtcNow();

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!chat.Value.RunClock)
        {
            return Task.FromResult(HealthCheckResult.Healthy("The meter clock is off on this node (Chat:RunClock=false)."));
        }

        var now = time.GetUtcNow();
        var lag = now - (metrics.LastClockTick ?? _started);
        var t = thresholds.CurrentValue;
        var data = new Dictionary<string, object> { ["sinceLastTickSeconds"] = Math.Round(lag.TotalSeconds, 1) };
        var text = $"Last meter tick {lag.TotalSeconds:0.0} s ago.";
        return Task.FromResult(
            lag.TotalSeconds >= t.ClockUnhealthySeconds ? HealthCheckResult.Unhealthy(text, data: data)
            : lag.TotalSeconds >= t.ClockDegradedSeconds ? HealthCheckResult.Degraded(text, data: data)
            : HealthCheckResult.Healthy(text, data));
    }
}
