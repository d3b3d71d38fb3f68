using System.Security.Cryptography;
using System.Text;

namespace Meterchat.Chats.Receipts;

/// <summary>
/// The hash chain over a session's event log (docs/receipts.md): hash(n) = SHA-256(hash(n−1) ‖ UTF-8 of event n's
/// stored JSON), with 32 zero bytes before the first event. Hashing the stored JSON text itself (not a re-serialization)
/// makes it canonical: a verifier hashes exactly the bytes the server stored. Hashes are lowercase hex.
/// </summary>
public static class EventChain
{
    /// <summary>What the first event chains to.</summary>
    public static string Genesis { get; } = new('0', SHA256.HashSizeInBytes * 2);

    /// <summary>The hash of an event stored as <paramref name="json"/> after one whose hash is <paramref name="previous"/>.</summary>
    public static string Next(string previous, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var prefix = Convert.FromHexString(previous);
        if (prefix.Length != SHA256.HashSizeInBytes)
        {
            throw new ArgumentException("A chain hash is 32 bytes of hex.", nameof(previous));
        }

        var input = new byte[prefix.Length + Encoding.UTF8.GetByteCount(json)];
        prefix.CopyTo(input, 0);
        Encoding.UTF8.GetBytes(json, input.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    /// <summary>The head of a whole log: the hash of its last event (the genesis for none).</summary>
    public static string Head(IEnumerable<string> jsons) => jsons.Aggregate(Genesis, Next);
}
