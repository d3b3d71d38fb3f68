using Meterchat.DevChain;

namespace Meterchat.Withdrawals;

/// <summary>
/// DevChain mode: a hot wallet the dev chain has never seen gets test TRX and USDT from the faucet at start,
/// in a block of its own, so payouts work from the first minute.
/// </summary>
internal sealed class DevHotWalletFunding(HotWallet wallet, DevChainNode node, ILogger<DevHotWalletFunding> logger) : IHostedService
{
    public const long Trx = 10_000 * 1_000_000L;
    public const long Usdt = 1_000_000 * 1_000_000L;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!node.IsActivated(wallet.Address))
        {
            node.Faucet(wallet.Address, FaucetToken.Trx, Trx);
            node.Faucet(wallet.Address, FaucetToken.Usdt, Usdt);
            node.ProduceBlock();
            logger.LogInformation("Dev hot wallet {Address} funded from the dev chain faucet", wallet.Address);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
