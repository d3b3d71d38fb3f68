namespace Meterchat.Deposits.Ethereum;

/// <summary>Stable problem types of the development Ethereum faucet (RFC 7807 <c>type</c>).</summary>
public static class DevEthereumProblems
{
    /// <summary>The asset is missing or not one of ETH, USDT, USDC.</summary>
    public const string UnknownAsset = "dev-ethereum/unknown-asset";

    /// <summary>The local node is starting, off or failed; the detail says which and what to do.</summary>
    public const string NotReady = "dev-ethereum/not-ready";

    /// <summary>The node refused or did not answer; nothing was sent.</summary>
    public const string NodeError = "dev-ethereum/node-error";
}
