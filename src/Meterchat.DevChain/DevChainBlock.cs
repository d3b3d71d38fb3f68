namespace Meterchat.DevChain;

/// <summary>A block of the dev chain: number, 32-byte id (hex), timestamp and the transactions it holds, in order.</summary>
public sealed record DevChainBlock(long Number, string BlockId, DateTimeOffset Timestamp, IReadOnlyList<string> TransactionIds)
{
    public bool Equals(DevChainBlock? other) =>
        other is not null && Number == other.Number && BlockId == other.BlockId && Timestamp == other.Timestamp
        && TransactionIds.SequenceEqual(other.TransactionIds);

    public override int GetHashCode() => HashCode.Combine(Number, BlockId);
}
