using Meterchat.Ledger;

namespace Meterchat.Withdrawals;

/// <summary><c>Withdrawals:*</c>: fees, limits, review threshold, the sender's timing and the hot wallet key.</summary>
public sealed class WithdrawalsOptions
{
    public const string Section = "Withdrawals";

    /// <summary>Platform fee, USDT, taken from the amount (→ platform:fees).</summary>
    public string PlatformFee { get; set; } = "0.50";

    /// <summary>Network fee, USDT, taken from the amount; covers the TRX the hot wallet burns for energy.</summary>
    public string NetworkFee { get; set; } = "1.00";

    public string Minimum { get; set; } = "3";

    /// <summary>Per-user limit over the last 24 hours, USDT (gross amounts of requests not rejected or failed).</summary>
    public string DailyLimit { get; set; } = "1000";

    /// <summary>Above this amount (USDT) a withdrawal waits for an admin.</summary>
    public string AutoThreshold { get; set; } = "100";

    public TimeSpan AddressCooldown { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the payout sender runs a pass.</summary>
    public TimeSpan SenderInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Expiration of a payout transaction after the head block's time (TRON wallets use 60 s).</summary>
    public TimeSpan TransactionLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>fee_limit of a payout in sun: the most TRX one payout may burn (50 TRX).</summary>
    public long FeeLimitSun { get; set; } = 50_000_000;

    /// <summary>TRX (sun) sent to a deposit address before sweeping it, to pay its energy (and activate it).</summary>
    public long SweepEnergySun { get; set; } = 30_000_000;

    /// <summary>The hot wallet's private key (64 hex digits). A secret: environment or user secrets only.</summary>
    public string? HotWalletKey { get; set; }

    /// <summary>Or a file holding the key's hex. Outside Production without either, a key is generated in the data directory.</summary>
    public string? HotWalletKeyFile { get; set; }

    /// <summary>A transaction page, {0} = TXID.</summary>
    public string ExplorerTxUrl { get; set; } = "https://tronscan.org/#/transaction/{0}";

    /// <summary>Other addresses the platform owns (e.g. cold storage); a payout to them is refused.</summary>
    public IList<string> PlatformAddresses { get; } = [];

    public Micros PlatformFeeMicros => Micros.ParseUsdt(PlatformFee);

    public Micros NetworkFeeMicros => Micros.ParseUsdt(NetworkFee);

    public Micros Fees => PlatformFeeMicros + NetworkFeeMicros;

    public Micros MinimumMicros => Micros.ParseUsdt(Minimum);

    public Micros DailyLimitMicros => Micros.ParseUsdt(DailyLimit);

    public Micros AutoThresholdMicros => Micros.ParseUsdt(AutoThreshold);
}
