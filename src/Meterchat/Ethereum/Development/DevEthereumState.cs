namespace Meterchat.Ethereum.Development;

/// <summary>Where the development node is: Top up and the faucet say so while it is not <see cref="Ready"/>.</summary>
public enum DevEthereumState
{
    /// <summary>Not started: Node.js or tools/ethereum is missing (the detail says how to enable Ethereum).</summary>
    Off,

    /// <summary>Installing ganache, starting it, or deploying the dev tokens.</summary>
    Starting,

    Ready,

    /// <summary>The install or the node failed; the detail says why and what to do.</summary>
    Failed,
}
