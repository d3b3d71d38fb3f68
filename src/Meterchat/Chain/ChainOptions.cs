using Meterchat.Tron.Encoding;

namespace Meterchat.Chain;

/// <summary>
/// <c>Chain:*</c>: where money moves. In DevChain mode the dev chain runs in-process, is served under
/// <c>/devchain/</c> and <see cref="UsdtContract"/> is its USDT; in Node mode the app talks to
/// <see cref="NodeUrl"/> (with <see cref="ApiKey"/> for TronGrid) and USDT is the configured contract.
/// </summary>
public sealed class ChainOptions
{
    public const string Section = "Chain";

    public ChainMode Mode { get; set; } = ChainMode.DevChain;

    /// <summary>Node mode: the java-tron HTTP API, e.g. https://api.trongrid.io or https://nile.trongrid.io.</summary>
    public Uri? NodeUrl { get; set; }

    /// <summary>Node mode: TronGrid's API key (a secret: keep it in user secrets or the environment).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The USDT TRC20 contract (base58 or hex). Node mode default: mainnet USDT. DevChain mode: always the dev chain's.</summary>
    public string? UsdtContract { get; set; }

    /// <summary>The resolved <see cref="UsdtContract"/>.</summary>
    public TronAddress Usdt => TronAddress.Parse(UsdtContract ?? throw new InvalidOperationException("Chain:UsdtContract is not resolved."));
}
