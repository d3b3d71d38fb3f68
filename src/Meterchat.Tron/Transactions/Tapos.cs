using System.Buffers.Binary;
using Meterchat.Tron.Encoding;

namespace Meterchat.Tron.Transactions;

/// <summary>
/// Transaction-as-proof-of-stake reference: ties a transaction to a recent block.
/// ref_block_bytes = bytes [6,8) of the 8-byte big-endian block number; ref_block_hash =
/// bytes [8,16) of the block id. A node refuses the transaction if that block is not in its
/// recent history (about 65,536 blocks) or differs.
/// </summary>
public sealed record Tapos(byte[] RefBlockBytes, byte[] RefBlockHash)
{
    public static Tapos FromBlock(long blockNumber, byte[] blockId32)
    {
        ArgumentNullException.ThrowIfNull(blockId32);
        if (blockId32.Length != 32)
        {
            throw new ArgumentException($"A block id is 32 bytes, got {blockId32.Length}.", nameof(blockId32));
        }

        if (blockNumber < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(blockNumber), blockNumber, "A block number is not negative.");
        }

        // A TRON block id starts with its block number: a mismatch means the two came from different blocks.
        var numberInId = BinaryPrimitives.ReadInt64BigEndian(blockId32);
        if (numberInId != blockNumber)
        {
            throw new ArgumentException($"Block id {Hex.ToHex(blockId32)} belongs to block {numberInId}, not {blockNumber}.", nameof(blockId32));
        }

        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, blockNumber);
        return new Tapos(number[6..8].ToArray(), blockId32[8..16]);
    }

    /// <summary>From a block id alone (its first 8 bytes are the block number).</summary>
    public static Tapos FromBlockId(byte[] blockId32)
    {
        ArgumentNullException.ThrowIfNull(blockId32);
        if (blockId32.Length != 32)
        {
            throw new ArgumentException($"A block id is 32 bytes, got {blockId32.Length}.", nameof(blockId32));
        }

        return FromBlock(BinaryPrimitives.ReadInt64BigEndian(blockId32), blockId32);
    }

    public bool Equals(Tapos? other) =>
        other is not null && RefBlockBytes.AsSpan().SequenceEqual(other.RefBlockBytes) && RefBlockHash.AsSpan().SequenceEqual(other.RefBlockHash);

    public override int GetHashCode() => HashCode.Combine(Hex.ToHex(RefBlockBytes), Hex.ToHex(RefBlockHash));
}
