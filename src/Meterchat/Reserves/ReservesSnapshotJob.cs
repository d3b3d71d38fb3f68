using Meterchat.Cluster;
using Microsoft.Extensions.Options;

namespace Meterchat.Reserves;

/// <summary>
/// Publishes a snapshot every <see cref="ReservesOptions.SnapshotInterval"/> (hourly by default), counted from the last
/// one, so a restart neither skips nor doubles one; a fresh install waits one interval. One node of a cluster runs it.
/// </summary>
public sealed class ReservesSnapshotJob(
    IServiceScopeFactory scopes,
    WorkerGate workers,
    TimeProvider time,
    IOptions<ReservesOptions> options,
    ILogger<ReservesSnapshotJob> logger) : BackgroundService
{
    public const string WorkerName = "reserves-snapshot";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SnapshotInterval;
        DateTimeOffset due;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var last = await scope.ServiceProvider.GetRequiredService<ReservesSnapshots>().LastAtAsync(stoppingToken);
            due = (last ?? time.GetUtcNow()) + interval;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Reserves snapshot job: could not read the last snapshot; next one in {Interval}", interval);
            due = time.GetUtcNow() + interval;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = due - time.GetUtcNow();
            try
            {
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            due = time.GetUtcNow() + interval;
            try
            {
                if (!await workers.MayRunAsync(WorkerName, stoppingToken))
                {
                    continue;
                }

                await using var scope = scopes.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<ReservesSnapshots>().TakeAsync(ReservesSnapshots.ScheduleTrigger, stoppingToken);
                if (outcome.Problem is { } refused)
                {
                    logger.LogWarning("Scheduled reserves snapshot not taken: {Detail}", refused.Detail);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Scheduled reserves snapshot failed; next one in {Interval}", interval);
            }
        }
    }
}
