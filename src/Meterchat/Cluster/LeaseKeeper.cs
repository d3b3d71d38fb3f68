using Meterchat.Chats.Live;
using Microsoft.Extensions.Options;

namespace Meterchat.Cluster;

/// <summary>
/// Every <see cref="ClusterOptions.RenewSeconds"/>: renews this node's session leases and takes over expired ones.
/// On a clean stop (after the clock, which is registered later and stops first) it lets all of this node's leases go.
/// </summary>
public sealed class LeaseKeeper(ClusterNode node, MeterClock clock, LeaseStore leases, TimeProvider time, IOptions<ClusterOptions> options, ILogger<LeaseKeeper> logger) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (node.Clustered)
        {
            try
            {
                await leases.ExpireAllAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not let this node's leases go; they expire on their own");
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!node.Clustered)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Renew, time);
        try
        {
            do
            {
                try
                {
                    await clock.KeepLeasesAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Renewing session leases failed; retrying");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
