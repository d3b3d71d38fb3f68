using Meterchat.Chats.Store;
using Meterchat.Ledger;

namespace Meterchat.Chats.Live;

/// <summary>
/// A session the clock keeps in memory: the derived state (a cache of the stored log), the heartbeats, the
/// buyer's last known wallet balance and when the clock should look at it next. Touched only under the clock's gate.
/// </summary>
public sealed class LiveSession(Guid id, string buyerId, string sellerId, ChatSession session, HeartbeatWatch watch)
{
    public Guid Id { get; } = id;

    public string BuyerId { get; } = buyerId;

    public string SellerId { get; } = sellerId;

    public ChatSession Session { get; set; } = session;

    /// <summary>How many of <see cref="ChatSession.Events"/> are stored.</summary>
    public int Stored { get; set; } = session.Events.Count;

    /// <summary>The stored row as this node last wrote it: the next append need not read it.</summary>
    public StoredHead Head { get; } = new();

    /// <summary>Whether every event in memory is stored (false after the store failed: the next tick retries).</summary>
    public bool IsStored => Stored == Session.Events.Count;

    public HeartbeatWatch Watch { get; } = watch;

    public Micros? Wallet { get; set; }

    /// <summary>The time this session sits in the clock's queue for; null when it is not queued.</summary>
    public DateTimeOffset? ScheduledAt { get; set; }

    public bool RefundSettled { get; set; }

    /// <summary>How many times in a row the ledger refused the next unit for a fault of its own (not the buyer's money).</summary>
    public int BillingFaults { get; set; }

    /// <summary>Several nodes: the lease token this node claimed the session with (its appends are fenced by it); null on one node.</summary>
    public long? Fence { get; set; }

    public string? PartyOf(string userId) =>
        userId == BuyerId ? nameof(Party.Buyer) : userId == SellerId ? nameof(Party.Seller) : null;
}
