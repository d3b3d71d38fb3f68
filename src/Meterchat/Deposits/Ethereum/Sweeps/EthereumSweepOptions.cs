namespace Meterchat.Deposits.Ethereum.Sweeps;

/// <summary>
/// <c>Ethereum:Sweeps:*</c>. The keys are not here: the hot wallet is the one payouts use
/// (<see cref="Meterchat.Ethereum.EthereumHotWallet"/>: <c>Ethereum:HotWalletKey</c>, or only <c>Ethereum:HotWalletAddress</c>
/// when no top-up is ever needed) and the deposit mnemonic is <c>Ethereum:DepositMnemonic</c>, both from the
/// environment or a secret store, never logged (<see cref="SweepKeys"/>).
/// </summary>
public sealed class EthereumSweepOptions
{
    public const string Section = "Ethereum:Sweeps";

    /// <summary>Run the background sweep; off by default (an admin sweeps from the treasury pages).</summary>
    public bool Automatic { get; set; }

    /// <summary>How often the background sweep looks (and moves unfinished sweeps on).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The background sweep takes a token balance from this many base units (1,000 USDT/USDC): gas makes small sweeps dear.</summary>
    public long ThresholdUnits { get; set; } = 1_000_000_000;
}
