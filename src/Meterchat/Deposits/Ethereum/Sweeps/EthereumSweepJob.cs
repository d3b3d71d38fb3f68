using Meterchat.Cluster;
using Microsoft.Extensions.Options;

namespace Meterchat.Deposits.Ethereum.Sweeps;

/// <summary>
/// With <see cref="EthereumSweepOptions.Automatic"/>: every <see cref="EthereumSweepOptions.Interval"/>, moves unfinished
/// sweeps on and sweeps every deposit address whose stablecoin balance reaches the threshold. One node of a cluster runs it.
/// </summary>
public sealed class EthereumSweepJob(
    IServiceScopeFactory scopes,
    WorkerGate workers,
    TimeProvider time,
    IOptions<EthereumSweepOptions> options,
    ILogger<EthereumSweepJob> logger) : BackgroundService
{
    public const string WorkerName = "ethereum-sweeps";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Automatic)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.Interval, time, stoppingToken);
                if (await workers.MayRunAsync(WorkerName, stoppingToken))
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var started = await scope.ServiceProvider.GetRequiredService<EthereumSweeps>().RunAsync(options.Value.ThresholdUnits, stoppingToken);
                    if (started > 0)
                    {
                        logger.LogInformation("Ethereum sweep pass: {Started} sweeps started", started);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Ethereum sweep pass failed; next one in {Interval}", options.Value.Interval);
            }
        }
    }
}
