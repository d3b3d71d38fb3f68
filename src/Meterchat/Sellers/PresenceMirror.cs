using Meterchat.Cluster;
using Microsoft.Extensions.Options;

namespace Meterchat.Sellers;

/// <summary>Several nodes: keeps this node's connected sellers marked in Redis (<see cref="SharedPresence"/>).</summary>
public sealed class PresenceMirror(SharedPresence shared, PresenceLinks links, TimeProvider time, IOptions<ClusterOptions> options, ILogger<PresenceMirror> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!shared.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Renew, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await shared.RefreshAsync(links.ConnectedSellers());
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Refreshing shared presence failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
