using Meterchat.Chats;

namespace Meterchat.Trust.Disputes;

/// <summary>
/// A party's complaint about one ended session (at most one per session) and, once decided, the admin's decision
/// with the refund it booked (ledger key <c>dispute:{Id}</c>, kind DisputeRefund).
/// </summary>
public sealed class Dispute
{
    public long Id { get; set; }

    public Guid SessionId { get; set; }

    public required string BuyerId { get; set; }

    public required string SellerId { get; set; }

    /// <summary>Who opened it: the buyer or the seller of the session.</summary>
    public Party OpenedBy { get; set; }

    public DisputeReason Reason { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>Null while open.</summary>
    public DisputeOutcome? Outcome { get; set; }

    /// <summary>The admin's note, shown to both parties.</summary>
    public string? Note { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    /// <summary>µUSDT returned to the buyer's wallet (0 for a rejection).</summary>
    public long RefundMicros { get; set; }

    /// <summary>µUSDT taken back from the seller's earnings.</summary>
    public long FromSellerMicros { get; set; }

    /// <summary>µUSDT taken back from platform revenue.</summary>
    public long FromPlatformMicros { get; set; }

    /// <summary>µUSDT the platform covered from its losses account (what the seller's earnings no longer held).</summary>
    public long FromLossesMicros { get; set; }

    /// <summary>False between a refund decision's commit and its ledger transfer; the next admin listing finishes it.</summary>
    public bool RefundBooked { get; set; }

    /// <summary>Whether the receipt file the buyer uploaded matches the server's; null when none was uploaded.</summary>
    public bool? BuyerReceiptMatches { get; set; }

    /// <summary>What the comparison found, in words (ReceiptMatch).</summary>
    public string? BuyerReceiptCheck { get; set; }

    /// <summary>Bumped on every write; a second, concurrent decision fails on it.</summary>
    public int Version { get; set; }

    public bool IsOpen => Outcome is null;
}
