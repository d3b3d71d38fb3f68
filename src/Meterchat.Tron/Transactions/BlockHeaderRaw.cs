using System.Buffers.Binary;
using System.Security.Cryptography;
using Meterchat.Tron.Encoding;

namespace Meterchat.Tron.Transactions;

/// <summary>
/// <c>BlockHeader.raw{timestamp=1, txTrieRoot=2, parentHash=3, number=7, witness_address=9, version=10}</c>.
/// The block id is the 8-byte big-endian number followed by bytes [8,32) of sha256(raw); the
/// witness signs sha256(raw) like a txID.
/// </summary>
public sealed record BlockHeaderRaw(long Number, long Timestamp, byte[] TxTrieRoot, byte[] ParentHash, TronAddress Witness, int Version)
{
    public byte[] Encode() =>
        new ProtoWriter()
            .WriteVarint(1, Timestamp)
            .WriteBytes(2, TxTrieRoot)
            .WriteBytes(3, ParentHash)
            .WriteVarint(7, Number)
            .WriteBytes(9, Witness.Bytes)
            .WriteVarint(10, Version)
            .ToArray();

    /// <summary>sha256 of the encoded header: what the witness signs.</summary>
    public byte[] Hash() => SHA256.HashData(Encode());

    public byte[] BlockId()
    {
        var id = Hash();
        BinaryPrimitives.WriteInt64BigEndian(id, Number);
        return id;
    }

    public bool Equals(BlockHeaderRaw? other) =>
        other is not null && Number == other.Number && Timestamp == other.Timestamp
        && TxTrieRoot.AsSpan().SequenceEqual(other.TxTrieRoot) && ParentHash.AsSpan().SequenceEqual(other.ParentHash)
        && Witness == other.Witness && Version == other.Version;

    public override int GetHashCode() => HashCode.Combine(Number, Timestamp, Witness, Version);
}
