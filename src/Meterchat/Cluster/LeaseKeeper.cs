using Meterchat.Chats.Live;
using Microsoft.Extensions.Options;

namespace Meterchat.Cluster;

/// <summary>Every <see cref="ClusterOptions.RenewSeconds"/>: renews this node's session leases and takes over expired ones.</summary>
public sealed class LeaseKeeper(ClusterNode node, MeterClock clock, TimeProvider time, IOptions<ClusterOptions> options, ILogger<LeaseKeeper> logger) : BackgroundService
{
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
