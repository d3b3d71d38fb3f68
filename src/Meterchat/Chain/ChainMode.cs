namespace Meterchat.Chain;

/// <summary>Which TRON the app uses: the embedded dev chain, or a real node (full node or TronGrid; mainnet or a testnet).</summary>
public enum ChainMode
{
    DevChain,
    Node,
}
