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

    /// <summary>
    /// Tops <paramref name="to"/> up to <paramref name="tokenUnits"/> of each dev token it holds less than half of (the
    /// development hot wallet, so Ethereum payouts work from the first minute). Returns the transaction hashes sent.
    /// </summary>
    public async Task<IReadOnlyList<string>> FundAsync(EthereumAddress to, BigInteger tokenUnits, CancellationToken ct)
    {
        var sent = new List<string>();
        foreach (var token in DevEthereumChain.Tokens)
        {
            var balance = await node.TokenBalanceAsync(token.Contract, to, ct);
            if (balance * 2 < tokenUnits)
            {
                var signed = await node.SignTokenTransferAsync(DevEthereumChain.Deployer, token.Contract, to, tokenUnits - balance, ct);
                sent.Add(await node.BroadcastAsync(signed.Raw, ct));
            }
        }

        return sent;
    }
}
