namespace Meterchat.Reserves;

/// <summary>
/// One published proof of reserves: the tree's root and total (what users are owed) next to the USDT the platform
/// held on chain at the same TRON block, and the hot wallet's signature over a message naming them.
/// </summary>
public sealed class ReservesSnapshot
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public long BlockNumber { get; set; }

    public int Users { get; set; }

    /// <summary>µUSDT: the tree's total.</summary>
    public long Liabilities { get; set; }

    /// <summary>µUSDT: hot wallet + unswept deposit addresses.</summary>
    public long Reserves { get; set; }

    public required string RootHash { get; set; }

    public required string HotWallet { get; set; }

    public required string Message { get; set; }

    public required string Signature { get; set; }

    /// <summary>"schedule" or "admin".</summary>
    public required string Trigger { get; set; }
}
