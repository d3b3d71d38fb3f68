namespace Meterchat.Withdrawals;

/// <summary>
/// One payout request and its one live transaction. Amounts are µUSDT: <see cref="Amount"/> (gross, what left
/// earnings) = <see cref="Net"/> (what arrives) + <see cref="PlatformFee"/> + <see cref="NetworkFee"/>.
/// </summary>
public sealed class Withdrawal
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public long Amount { get; set; }

    public long PlatformFee { get; set; }

    public long NetworkFee { get; set; }

    public long Net { get; set; }

    /// <summary>Base58 recipient.</summary>
    public required string ToAddress { get; set; }

    public WithdrawalStatus Status { get; set; }

    /// <summary>Why it went to review (risk flags, "above auto threshold"), comma-separated.</summary>
    public string? ReviewReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? ReviewedBy { get; set; }

    public string? RejectReason { get; set; }

    /// <summary>The current transaction: signed bytes (broadcasthex payload), stored before the first broadcast.</summary>
    public string? SignedHex { get; set; }

    public string? TxId { get; set; }

    /// <summary>The current transaction's expiration, ms since the epoch (TRON's clock: block time).</summary>
    public long? ExpirationMs { get; set; }

    /// <summary>How many transactions were built (a new one only after the previous was proven expired and absent).</summary>
    public int Attempts { get; set; }

    public long? BlockNumber { get; set; }

    /// <summary>The real chain cost: TRX (sun) the hot wallet burned, from the receipt.</summary>
    public long? ChainFeeSun { get; set; }

    public long? EnergyUsed { get; set; }

    public string? FailureReason { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Optimistic concurrency: admin actions and the sender never overwrite each other.</summary>
    public int Version { get; set; }
}
