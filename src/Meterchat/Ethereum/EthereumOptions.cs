namespace Meterchat.Ethereum;

/// <summary>
/// <c>Ethereum:*</c>: the node, the chain, finality, the accepted tokens and the minimums. Nothing connects until
/// something asks the node: with no <see cref="RpcUrl"/> Ethereum is simply off.
/// </summary>
public sealed class EthereumOptions
{
    public const string Section = "Ethereum";

    /// <summary>The JSON-RPC endpoint (an own node or a provider); empty: Ethereum is off.</summary>
    public string? RpcUrl { get; set; }

    /// <summary>The chain this deployment serves (1 mainnet, 11155111 Sepolia, 1337 the local ganache).
    /// Signed transactions carry it (EIP-155), and the node must report the same.</summary>
    public long ChainId { get; set; } = 1;

    /// <summary>Blocks on top of a transaction's block before it counts as final: 12 by default, 2 in Development.</summary>
    public int Confirmations { get; set; } = 12;

    /// <summary>Use the node's <c>finalized</c> block tag (post-merge nodes) instead of counting confirmations.</summary>
    public bool UseFinalizedTag { get; set; }

    /// <summary>The account xpub of m/44'/60'/0' the deposit addresses derive from (public key only).</summary>
    public string? AccountXpub { get; set; }

    /// <summary>The accepted ERC-20 tokens, e.g. USDT 0xdAC17F958D2ee523a2206206994597C13D831ec7 and
    /// USDC 0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48 on mainnet (both 6 decimals).</summary>
    public List<EthereumToken> Tokens { get; set; } = [];

    /// <summary>Smaller stablecoin deposits wait until the address's uncredited total reaches it (3 USDT/USDC).</summary>
    public long MinimumTokenUnits { get; set; } = 3_000_000;

    /// <summary>Smaller plain ETH deposits wait likewise (0.001 ETH). In wei, so at most about 9.2 ETH.</summary>
    public long MinimumWei { get; set; } = 1_000_000_000_000_000;

    /// <summary>How long one JSON-RPC call may take before it counts as failed.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public bool Enabled => !string.IsNullOrWhiteSpace(RpcUrl);
}
