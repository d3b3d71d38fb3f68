using Microsoft.Extensions.Options;

namespace Meterchat.Cluster;

/// <summary>
/// Lets a singleton worker (deposit watcher, payout sender) run on one node at a time: before each pass the worker
/// asks <see cref="MayRunAsync"/>, which claims or renews its lease (<c>WorkerLeases</c>). A node that dies stops
/// renewing, and the next node to ask after the lease expires takes over. One node alone always runs. On a clean stop
/// this node's worker leases expire at once, so another node takes them at its next pass.
/// </summary>
public sealed class WorkerGate(ClusterNode node, WorkerLeaseStore leases, ILogger<WorkerGate> logger) : IHostedService
{
    private readonly Dictionary<string, long> _held = [];
    private readonly Lock _lock = new();

    public async Task<bool> MayRunAsync(string worker, CancellationToken ct = default)
    {
        if (!node.Clustered)
        {
            return true;
        }

        long? token;
        try
        {
            token = await leases.HoldWorkerAsync(worker, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not renew the lease of {Worker}; skipping this pass", worker);
            return false;
        }

        lock (_lock)
        {
            var had = _held.Remove(worker, out var previous);
            if (token is { } t)
            {
                _held[worker] = t;
                if (!had || previous != t)
                {
                    logger.LogInformation("Node {Node} now runs {Worker} (lease token {Token})", node.Id, worker, t);
                }
            }
            else if (had)
            {
                logger.LogWarning("Node {Node} lost the lease of {Worker}", node.Id, worker);
            }
        }

        return token is not null;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!node.Clustered)
        {
            return;
        }

        try
        {
            await leases.ExpireAllAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not let this node's worker leases go; they expire on their own");
        }
    }
}
