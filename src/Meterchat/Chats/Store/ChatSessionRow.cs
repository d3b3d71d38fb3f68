namespace Meterchat.Chats.Store;

/// <summary>
/// A session's summary row: who, on what terms, and its state as last derived from its log. The log
/// (<see cref="ChatEventRow"/>) is the truth; this row makes lists and queries cheap and carries the
/// optimistic-concurrency version that serialises writers of one session across nodes.
/// </summary>
public sealed class ChatSessionRow
{
    public Guid Id { get; set; }

    public required string BuyerId { get; set; }

    public required string SellerId { get; set; }

    public int RateTokensPerMinute { get; set; }

    public int CommissionBasisPoints { get; set; }

    /// <summary>µUSDT; null for no limit beyond the wallet.</summary>
    public long? SpendingLimit { get; set; }

    public ChatState State { get; set; }

    public EndReason? EndReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public long UnitsCharged { get; set; }

    /// <summary>How many events the log holds; the next event's sequence number.</summary>
    public int EventCount { get; set; }

    /// <summary>
    /// The chain hash of the last stored event (<see cref="Receipts.EventChain"/>); null for a session whose log was
    /// stored before logs were chained, which stays unchained.
    /// </summary>
    public string? ChainHead { get; set; }

    /// <summary>The signed receipt file (without its events) kept when the retention job purges the log.</summary>
    public string? SignedReceiptJson { get; set; }

    /// <summary>
    /// The receipt as JSON, stored when the retention job purges the event log (the receipt is computed from the
    /// log while it exists); null while the log is kept.
    /// </summary>
    public string? ReceiptJson { get; set; }

    /// <summary>Bumped on every write; a concurrent writer's stale update fails and retries.</summary>
    public int Version { get; set; }
}
