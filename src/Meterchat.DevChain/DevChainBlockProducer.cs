using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Meterchat.DevChain;

/// <summary>Seals a dev chain block every <see cref="DevChainOptions.BlockInterval"/> on the injected clock.</summary>
public sealed class DevChainBlockProducer(DevChainNode node, TimeProvider time, ILogger<DevChainBlockProducer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation(
            "Dev chain producing a block every {Interval}; USDT {Usdt}, faucet {Faucet}",
            node.Options.BlockInterval,
            node.Usdt,
            node.FaucetAddress);
        using var timer = new PeriodicTimer(node.Options.BlockInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var block = node.ProduceBlock();
                if (block.TransactionIds.Count > 0)
                {
                    logger.LogInformation("Dev chain block {Block} with {Count} transaction(s)", block.Number, block.TransactionIds.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
