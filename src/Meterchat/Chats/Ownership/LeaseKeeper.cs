using Meterchat.Chats.Live;
using Meterchat.Cluster;
using Microsoft.Extensions.Options;

namespace Meterchat.Chats.Ownership;

/// <summary>
/// Every <see cref="ClusterOptions.RenewSeconds"/>: renews this node's session leases in one statement (a lease the
/// store no longer returns with our token was lost: its session leaves memory), then hands expired leases and
/// unclaimed open sessions to <see cref="SessionRecovery"/>. On a clean stop (after the clock, which is registered
/// later and stops first) it lets all of this node's session leases go.
/// </summary>
public sealed class LeaseKeeper(
    ClusterNode node, SessionMemory memory, SessionRoutes routes, SessionRecovery recovery, LeaseStore leases,
    TimeProvider time, IOptions<ClusterOptions> options, ILogger<LeaseKeeper> logger) : BackgroundService
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

    /// <summary>One pass: renew, drop lost sessions, let unheld leases expire, take over expired ones.</summary>
    public async Task KeepAsync(CancellationToken ct = default)
    {
        routes.Prune();
        await memory.WaitAsync(ct);
        try
        {
            var held = (await leases.RenewSessionsAsync(ct)).ToDictionary(l => l.SessionId, l => l.Token);
            foreach (var live in memory.Held.Where(l => l.Fence is { } f && (!held.TryGetValue(l.Id, out var t) || t != f)).ToList())
            {
                logger.LogWarning("Node {Node} lost the lease of session {Session}; another node drives it now", node.Id, live.Id);
                memory.Remove(live.Id);
            }

            // Leases held for sessions no longer in memory (dropped after a failed write) must not be renewed forever
            // with nobody driving them: they expire now and the scan below takes them over properly.
            await leases.ExpireSessionsAsync(held.Keys.Where(id => !memory.Contains(id)).ToList(), ct);
            await recovery.TakeOverAsync(await leases.ClaimExpiredSessionsAsync(ct), ct);
        }
        finally
        {
            memory.Release();
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
                    await KeepAsync(stoppingToken);
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
