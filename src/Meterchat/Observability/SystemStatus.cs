using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Meterchat.Observability;

/// <summary>What the admin System page shows: the readiness checks and the key figures, as one JSON document.</summary>
public sealed class SystemStatus(HealthCheckService health, MeterchatMetrics metrics, TimeProvider time)
{
    public async Task<SystemStatusView> ReadAsync(CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(ct);
        var f = metrics.Figures;
        return new SystemStatusView(
            time.GetUtcNow(),
            HealthReportJson.Of(report),
            f.At,
            f.SessionsByState,
            f.ClaimsPending,
            f.PayoutsByStatus,
            f.OldestWaitingPayoutSeconds,
            f.PayoutsPendingMicros,
            f.PayoutsRequestedLastHourMicros,
            f.LiabilitiesMicros,
            f.ChainAt,
            f.HotWalletUsdtMicros,
            f.HotWalletTrxSun,
            f.ReservesMicros,
            f.ReservesSurplusMicros,
            metrics.BlocksBehind);
    }
}

/// <summary>Amounts in µUSDT (integers), TRX in sun; null: not read yet.</summary>
public sealed record SystemStatusView(
    DateTimeOffset At,
    HealthReportJson Health,
    DateTimeOffset? FiguresAt,
    IReadOnlyDictionary<string, long> SessionsByState,
    long ClaimsPending,
    IReadOnlyDictionary<string, long> PayoutsByStatus,
    long OldestWaitingPayoutSeconds,
    long PayoutsPendingMicros,
    long PayoutsRequestedLastHourMicros,
    long LiabilitiesMicros,
    DateTimeOffset? ChainFiguresAt,
    long? HotWalletUsdtMicros,
    long? HotWalletTrxSun,
    long? ReservesMicros,
    long? ReservesSurplusMicros,
    long? WatcherBlocksBehind);
