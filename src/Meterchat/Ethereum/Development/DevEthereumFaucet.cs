using System.Numerics;

namespace Meterchat.Ethereum.Development;

/// <summary>
/// Development only: sends test ETH or a dev token from the deployer (ganache's account 0, which holds the tokens'
/// supply and 1000 ETH) to an address, as TRON's dev chain faucet does. Returns the transaction hash.
/// </summary>
public sealed class DevEthereumFaucet(EthereumNode node, DevEthereumStatus status)
{
    public static readonly IReadOnlyList<string> Assets = ["ETH", "USDT", "USDC"];

    /// <summary>10 USDT or USDC (6 decimals), as TRON's faucet sends 10 USDT.</summary>
    public static readonly BigInteger TokenUnits = 10_000_000;

    /// <summary>0.01 ETH: above the 0.001 ETH minimum, a few dozen USDT at today's prices.</summary>
    public static readonly BigInteger Wei = BigInteger.Pow(10, 16);

    public bool IsReady => status.State == DevEthereumState.Ready;

    public async Task<string> SendAsync(string asset, EthereumAddress to, CancellationToken ct)
    {
        SignedEthereumTransaction signed;
        if (asset == "ETH")
        {
            signed = await node.SignNextAsync(DevEthereumChain.Deployer, to, Wei, null, null, ct);
        }
        else
        {
            var token = DevEthereumChain.Tokens.FirstOrDefault(t => t.Symbol == asset)
                ?? throw new ArgumentException($"The dev faucet sends {string.Join(", ", Assets)}, not {asset}.", nameof(asset));
            signed = await node.SignTokenTransferAsync(DevEthereumChain.Deployer, token.Contract, to, TokenUnits, ct);
        }

        return await node.BroadcastAsync(signed.Raw, ct);
    }
}
