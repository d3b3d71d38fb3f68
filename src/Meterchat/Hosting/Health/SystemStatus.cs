using Meterchat.Observability;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Meterchat.Hosting.Health;

/// <summary>What the admin System page shows: the readiness checks and the key figures, as one JSON document.</summary>
public sealed class SystemStatus(HealthCheckService health, MeterchatMetrics metrics, TimeProvider time)
{
    public async Task<SystemStatusView> ReadAsync(CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(ct);
        return new SystemStatusView(time.GetUtcNow(), HealthReportJson.Of(report), metrics.Figures, metrics.BlocksBehind);
    }
}

/// <summary>The checks as of <paramref name="At"/>, the figures as last read (their own times inside); null: not read yet.</summary>
public sealed record SystemStatusView(DateTimeOffset At, HealthReportJson Health, SystemFigures Figures, long? WatcherBlocksBehind);
