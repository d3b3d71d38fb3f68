using System.Globalization;
using Nethereum.Util;

namespace Meterchat.Ethereum;

/// <summary>
/// A 20-byte Ethereum account or contract address. Compared case-insensitively (as the chain does) and shown
/// EIP-55 checksummed, so a typo in pasted mixed-case text is caught instead of sending to the wrong account.
/// </summary>
public sealed class EthereumAddress : IEquatable<EthereumAddress>
{
    private readonly string _lower; // "0x" + 40 lower-case hex digits

    private EthereumAddress(string lower)
    {
        _lower = lower;
        Checksummed = AddressUtil.Current.ConvertToChecksumAddress(lower);
    }

    /// <summary>The EIP-55 mixed-case form, e.g. 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed.</summary>
    public string Checksummed { get; }

    /// <summary>The lower-case form, as nodes return it in logs and receipts.</summary>
    public string Lower => _lower;

    /// <summary>
    /// Parses 0x + 40 hex digits. All-lower or all-upper hex carries no checksum and is accepted as is;
    /// mixed case must match its EIP-55 checksum.
    /// </summary>
    public static EthereumAddress Parse(string text)
    {
        var value = text?.Trim() ?? "";
        if (!value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || value.Length != 42)
        {
            throw new FormatException($"An Ethereum address is 0x followed by 40 hex digits; this one has {Math.Max(0, value.Length - 2)} characters after the prefix.");
        }

        var digits = value[2..];
        if (!digits.All(char.IsAsciiHexDigit))
        {
            throw new FormatException("An Ethereum address is 0x followed by 40 hex digits (0-9, a-f); this one has other characters.");
        }

        var mixedCase = digits.Any(char.IsAsciiLetterLower) && digits.Any(char.IsAsciiLetterUpper);
        if (mixedCase && !AddressUtil.Current.IsChecksumAddress("0x" + digits))
        {
            throw new FormatException("This Ethereum address does not match its EIP-55 checksum (the mix of capital letters): a character is probably mistyped.");
        }

        return new EthereumAddress("0x" + digits.ToLowerInvariant());
    }

    public static bool TryParse(string? text, out EthereumAddress? address)
    {
        try
        {
            address = Parse(text ?? "");
            return true;
        }
        catch (FormatException)
        {
            address = null;
            return false;
        }
    }

    /// <summary>The address of a secp256k1 public key: the last 20 bytes of Keccak-256 of its 64-byte X‖Y.</summary>
    public static EthereumAddress FromPublicKey(ReadOnlySpan<byte> uncompressed)
    {
        if (uncompressed.Length != 65 || uncompressed[0] != 0x04)
        {
            throw new ArgumentException("Expected a 65-byte uncompressed secp256k1 public key (0x04 ‖ X ‖ Y).", nameof(uncompressed));
        }

        var hash = Sha3Keccack.Current.CalculateHash(uncompressed[1..].ToArray());
        return new EthereumAddress("0x" + Convert.ToHexStringLower(hash, 12, 20));
    }

    /// <summary>From a node's 32-byte log topic (an indexed address is left-padded with 12 zero bytes).</summary>
    public static EthereumAddress FromTopic(string topic)
    {
        var digits = topic.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? topic[2..] : topic;
        if (digits.Length != 64 || !digits.All(char.IsAsciiHexDigit))
        {
            throw new FormatException("A log topic is 32 bytes (64 hex digits).");
        }

        return new EthereumAddress("0x" + digits[24..].ToLower(CultureInfo.InvariantCulture));
    }

    public bool Equals(EthereumAddress? other) => other is not null && _lower == other._lower;

    public override bool Equals(object? obj) => Equals(obj as EthereumAddress);

    public override int GetHashCode() => _lower.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Checksummed;

    public static bool operator ==(EthereumAddress? a, EthereumAddress? b) => a is null ? b is null : a.Equals(b);

    public static bool operator !=(EthereumAddress? a, EthereumAddress? b) => !(a == b);
}
