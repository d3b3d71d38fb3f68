namespace Meterchat.DevChain;

/// <summary>How the dev chain behaves. Every default mirrors mainnet where it matters to the app.</summary>
public sealed class DevChainOptions
{
    /// <summary>A block every BlockInterval when the producer runs (tests call ProduceBlock themselves).</summary>
    public TimeSpan BlockInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How many blocks the solidified head trails the head (mainnet: about 19).</summary>
    public int SolidityLag { get; set; } = 19;

    /// <summary>A JSON file the chain loads on start and rewrites after every block; null keeps it in memory only.</summary>
    public string? StatePath { get; set; }

    /// <summary>
    /// The faucet's private key (hex). The default is derived from a public phrase: anyone can spend
    /// the dev chain's faucet, which is the point.
    /// </summary>
    public string? FaucetPrivateKey { get; set; }

    /// <summary>TRX the faucet holds at genesis, in sun.</summary>
    public long GenesisFaucetSun { get; set; } = 1_000_000_000 * 1_000_000L;

    /// <summary>USDT (and fake USDT) the faucet holds at genesis, in base units (µUSDT).</summary>
    public long GenesisFaucetUsdt { get; set; } = 1_000_000_000 * 1_000_000L;

    /// <summary>Sun burned per unit of energy (mainnet: 100 today). 0 makes contract calls free.</summary>
    public long EnergyPriceSun { get; set; } = 100;

    /// <summary>Energy of a token transfer to a holder that already has a balance (mainnet USDT: about 64,285).</summary>
    public long TransferEnergy { get; set; } = 64_285;

    /// <summary>Energy of a token transfer to an address holding none (mainnet USDT: about 130,285).</summary>
    public long TransferToEmptyEnergy { get; set; } = 130_285;

    /// <summary>Extra energy a call through the router costs on top of the token transfer.</summary>
    public long RouterEnergy { get; set; } = 20_000;

    /// <summary>Energy a reverted call burns (flat).</summary>
    public long RevertEnergy { get; set; } = 10_000;

    /// <summary>Sun burned when a TRX transfer activates a new account (mainnet: 1 TRX).</summary>
    public long CreateAccountFeeSun { get; set; } = 1_000_000;
}
