using System.Security.Cryptography;
using Meterchat.Tron.Encoding;

namespace Meterchat.Tron.Transactions;

/// <summary>The txID: sha256 of the raw_data bytes. Recompute it; never trust a node's txID field.</summary>
public static class TransactionId
{
    public const int Length = 32;

    public static byte[] Compute(ReadOnlySpan<byte> rawDataBytes) => SHA256.HashData(rawDataBytes);

    /// <summary>Parses a TXID as a user pastes it: 64 hex digits, either case, surrounding spaces and a 0x prefix tolerated.</summary>
    public static byte[] Parse(string text) =>
        TryParse(text, out var id, out var error) ? id : throw new FormatException($"Invalid TXID: {error}.");

    public static bool TryParse(string? text, out byte[] id, out string? error)
    {
        id = [];
        var s = text?.Trim() ?? "";
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            s = s[2..];
        }

        if (s.Length == 0)
        {
            error = "the TXID is empty";
            return false;
        }

        if (s.Length != 2 * Length)
        {
            error = $"a TXID has 64 hex digits, this one has {s.Length}";
            return false;
        }

        return Hex.TryParse(s, out id, out error);
    }

    /// <summary>The canonical form: 64 lower-case hex digits.</summary>
    public static string Normalize(string text) => Hex.ToHex(Parse(text));
}
