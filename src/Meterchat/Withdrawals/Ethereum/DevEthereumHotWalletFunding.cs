using System.Numerics;
using Meterchat.Ethereum;
using Meterchat.Ethereum.Development;

namespace Meterchat.Withdrawals.Ethereum;

/// <summary>
/// Development with the app's own ganache: once the node is ready, the Ethereum hot wallet (ganache's account 1, which
/// has test ETH for gas) gets 1,000,000 of each dev token from the deployer, as TRON's dev hot wallet is funded from the
/// dev chain's faucet, so a seller's payout to Ethereum goes through instead of reverting on an empty wallet.
/// </summary>
internal sealed class DevEthereumHotWalletFunding(EthereumHotWallet wallet, IServiceProvider services, ILogger<DevEthereumHotWalletFunding> logger)
    : BackgroundService
{
    public static readonly BigInteger TokenUnits = 1_000_000 * 1_000_000L;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (wallet.Address is not { } address || services.GetService<DevEthereumFaucet>() is not { } faucet)
        {
            return;
        }

        try
        {
            await services.GetRequiredService<DevEthereumStatus>().Ready.WaitAsync(stoppingToken);
            var sent = await faucet.FundAsync(address, TokenUnits, stoppingToken);
            if (sent.Count > 0)
            {
                logger.LogInformation("Dev Ethereum hot wallet {Address} funded with test tokens ({Count} transfers)", address, sent.Count);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is HttpRequestException or Nethereum.JsonRpc.Client.RpcClientUnknownException or Nethereum.JsonRpc.Client.RpcResponseException or InvalidOperationException)
        {
            logger.LogWarning(e, "Funding the dev Ethereum hot wallet failed; Ethereum payouts may revert until it holds tokens");
        }
    }
}
