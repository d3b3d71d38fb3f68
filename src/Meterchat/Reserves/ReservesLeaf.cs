namespace Meterchat.Reserves;

/// <summary>A user's line in one snapshot, kept so their proof can be produced later. The salt is theirs alone.</summary>
public sealed class ReservesLeaf
{
    public long SnapshotId { get; set; }

    public required string UserId { get; set; }

    public required byte[] Salt { get; set; }

    public long Wallet { get; set; }

    public long Earnings { get; set; }

    public long Held { get; set; }

    public long Balance => checked(Wallet + Earnings + Held);
}
