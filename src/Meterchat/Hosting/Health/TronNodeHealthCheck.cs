using Meterchat.Tron.Node;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Meterchat.Hosting.Health;

/// <summary>The TRON node answers and its head block is fresh (a node that stopped syncing answers with an old head).</summary>
internal sealed class TronNodeHealthCheck(ITronNode node, TimeProvider time, IOptionsMonitor<HealthThresholds> thresholds) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        NodeBlock head;
        try
        {
            head = await node.GetNowBlockAsync(NodeView.Head, cancellationToken);
        }
        catch (Exception e) when (e is TronNodeException or HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy("The TRON node does not answer.", data: new Dictionary<string, object> { ["error"] = e.GetType().Name });
        }

        var age = time.GetUtcNow() - head.Timestamp;
        var data = new Dictionary<string, object> { ["head"] = head.Number, ["headAgeSeconds"] = (long)age.TotalSeconds };
        var t = thresholds.CurrentValue;
        var text = $"Head block {head.Number} is {(long)age.TotalSeconds} s old.";
        return age.TotalSeconds >= t.NodeHeadUnhealthySeconds ? HealthCheckResult.Unhealthy(text, data: data)
            : age.TotalSeconds >= t.NodeHeadDegradedSeconds ? HealthCheckResult.Degraded(text, data: data)
            : HealthCheckResult.Healthy(text, data);
    }
}
