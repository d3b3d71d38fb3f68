using Meterchat.Data;
using Meterchat.Deposits;
using Meterchat.Tron.Node;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Meterchat.Hosting.Health;

/// <summary>
/// How far the deposit watcher's durable cursor is behind the solidified head: one row and one node call, so every node
/// reports it whichever holds the watcher's lease. A node that is down is the TRON check's to report.
/// </summary>
internal sealed class WatcherHealthCheck(AppDbContext db, ITronNode node, IOptionsMonitor<HealthThresholds> thresholds) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var cursor = await db.Set<ChainCursor>().AsNoTracking().Where(c => c.Name == ChainCursor.DepositsName)
            .Select(c => (long?)c.LastBlock).FirstOrDefaultAsync(cancellationToken);
        if (cursor is null)
        {
            return HealthCheckResult.Healthy("The deposit watcher has not started yet.");
        }

        long solid;
        try
        {
            solid = (await node.GetNowBlockAsync(NodeView.Solidified, cancellationToken)).Number;
        }
        catch (Exception e) when (e is TronNodeException or HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Degraded($"The watcher is at block {cursor}; the node does not answer, so how far behind is unknown.");
        }

        var behind = Math.Max(0, solid - cursor.Value);
        var data = new Dictionary<string, object> { ["block"] = cursor.Value, ["solidifiedHead"] = solid, ["blocksBehind"] = behind };
        var t = thresholds.CurrentValue;
        var text = $"The watcher is {behind} blocks behind the solidified head ({cursor} of {solid}).";
        return behind >= t.WatcherUnhealthyBlocks ? HealthCheckResult.Unhealthy(text, data: data)
            : behind > t.WatcherDegradedBlocks ? HealthCheckResult.Degraded(text, data: data)
            : HealthCheckResult.Healthy(text, data);
    }
}
