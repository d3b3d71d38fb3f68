using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Meterchat.Reserves;

/// <summary>
/// The two hashes of the Merkle sum tree, SHA-256 with a leading domain byte so a leaf can never pass for an
/// inner node (or the reverse):
/// leaf = H(0x00 ‖ salt(32) ‖ len(id) u16 BE ‖ id UTF-8 ‖ balance i64 BE);
/// inner = H(0x01 ‖ left.hash ‖ left.sum i64 BE ‖ right.hash ‖ right.sum i64 BE).
/// docs/reserves.md gives the same layout for checking by hand; wwwroot/js/reserves.js mirrors it.
/// </summary>
public static class MerkleSumHash
{
    public const int Length = 32;
    public const int SaltLength = 32;
    public const int MaxAccountIdBytes = 1024;

    public static void Leaf(ReadOnlySpan<byte> salt, string accountId, long balance, Span<byte> destination)
    {
        if (salt.Length != SaltLength)
        {
            throw new ArgumentException($"A salt is {SaltLength} bytes, got {salt.Length}.", nameof(salt));
        }

        var idLength = Encoding.UTF8.GetByteCount(accountId);
        if (idLength > MaxAccountIdBytes)
        {
            throw new ArgumentException($"An account id is at most {MaxAccountIdBytes} bytes.", nameof(accountId));
        }

        Span<byte> buffer = stackalloc byte[1 + SaltLength + 2 + idLength + 8];
        buffer[0] = 0x00;
        salt.CopyTo(buffer[1..]);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[(1 + SaltLength)..], (ushort)idLength);
        Encoding.UTF8.GetBytes(accountId, buffer[(3 + SaltLength)..]);
        BinaryPrimitives.WriteInt64BigEndian(buffer[(3 + SaltLength + idLength)..], balance);
        SHA256.HashData(buffer, destination);
    }

    public static void Inner(ReadOnlySpan<byte> leftHash, long leftSum, ReadOnlySpan<byte> rightHash, long rightSum, Span<byte> destination)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * (Length + 8))];
        buffer[0] = 0x01;
        leftHash.CopyTo(buffer[1..]);
        BinaryPrimitives.WriteInt64BigEndian(buffer[(1 + Length)..], leftSum);
        rightHash.CopyTo(buffer[(9 + Length)..]);
        BinaryPrimitives.WriteInt64BigEndian(buffer[(9 + (2 * Length))..], rightSum);
        SHA256.HashData(buffer, destination);
    }
}
