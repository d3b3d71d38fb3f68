using System.Buffers.Binary;
using Meterchat.Tron.Crypto;

namespace Meterchat.Tron.Encoding;

/// <summary>
/// A TRON account or contract address: 21 bytes, 0x41 ‖ last 20 bytes of Keccak-256(X‖Y).
/// Held as three integers so equality and hashing are cheap (deposit matching looks up
/// thousands of these per block). <c>default</c> is the all-zero "black hole" address
/// T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb.
/// </summary>
public readonly struct TronAddress : IEquatable<TronAddress>
{
    public const byte Prefix = 0x41;
    public const int Length = 21;
    public const int Base58Length = 34;

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly uint _c;

    private TronAddress(ReadOnlySpan<byte> last20)
    {
        _a = BinaryPrimitives.ReadUInt64BigEndian(last20);
        _b = BinaryPrimitives.ReadUInt64BigEndian(last20[8..]);
        _c = BinaryPrimitives.ReadUInt32BigEndian(last20[16..]);
    }

    /// <summary>The 21 bytes, starting 0x41.</summary>
    public byte[] Bytes
    {
        get
        {
            var bytes = new byte[Length];
            WriteTo(bytes);
            return bytes;
        }
    }

    /// <summary>The 20 bytes without the 0x41 prefix: what an ABI word or a log topic holds.</summary>
    public byte[] Last20 => Bytes[1..];

    public static TronAddress Parse(string base58OrHex) =>
        TryParse(base58OrHex, out var address, out var error) ? address : throw new FormatException($"Invalid TRON address: {error}.");

    /// <summary>
    /// Accepts the base58 form (34 characters, starts with T) or the hex form (42 hex digits, starts with 41).
    /// On failure <paramref name="error"/> says why: length, alphabet, checksum or prefix.
    /// </summary>
    public static bool TryParse(string? text, out TronAddress address, out string? error)
    {
        address = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the address is empty";
            return false;
        }

        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            error = text.Length == 2 + (2 * Length) && text.AsSpan(2).StartsWith("41", StringComparison.Ordinal)
                ? "a hex TRON address is written without the 0x prefix (41…)"
                : "a 0x… address is an Ethereum-style address; a TRON address starts with T (base58) or 41 (hex)";
            return false;
        }

        var looksBase58 = text.Length == Base58Length || (text[0] == 'T' && !Hex.IsHexDigits(text));
        return looksBase58 || !Hex.IsHexDigits(text)
            ? TryParseBase58(text, out address, out error)
            : TryParseHex(text, out address, out error);
    }

    public static bool TryParseBase58(string text, out TronAddress address, out string? error)
    {
        address = default;
        if (text.Length != Base58Length)
        {
            error = $"a base58 TRON address has {Base58Length} characters, this one has {text.Length}";
            return false;
        }

        if (!Base58.TryDecode(text, out var raw, out error))
        {
            return false;
        }

        if (raw.Length != Length + 4)
        {
            error = $"it decodes to {raw.Length} bytes, a TRON address decodes to {Length + 4}";
            return false;
        }

        if (!Base58.TryDecodeCheck(text, out var payload, out error))
        {
            return false;
        }

        return TryFromBytes(payload, out address, out error);
    }

    public static bool TryParseHex(string text, out TronAddress address, out string? error)
    {
        address = default;
        if (text.Length != 2 * Length)
        {
            error = $"a hex TRON address has {2 * Length} hex digits (21 bytes starting 41), this one has {text.Length}";
            return false;
        }

        if (!Hex.TryParse(text, out var bytes, out error))
        {
            return false;
        }

        return TryFromBytes(bytes, out address, out error);
    }

    /// <summary>From the 42-digit hex form ("41…").</summary>
    public static TronAddress FromHex(string hex) =>
        TryParseHex(hex, out var address, out var error) ? address : throw new FormatException($"Invalid TRON address: {error}.");

    /// <summary>From 21 bytes starting 0x41 (as in a transaction's owner_address).</summary>
    public static TronAddress FromBytes(ReadOnlySpan<byte> bytes) =>
        TryFromBytes(bytes, out var address, out var error) ? address : throw new FormatException($"Invalid TRON address: {error}.");

    public static bool TryFromBytes(ReadOnlySpan<byte> bytes, out TronAddress address, out string? error)
    {
        address = default;
        if (bytes.Length != Length)
        {
            error = $"an address is {Length} bytes, got {bytes.Length}";
            return false;
        }

        if (bytes[0] != Prefix)
        {
            error = $"the prefix byte is 0x{bytes[0]:x2}, a TRON address starts with 0x41";
            return false;
        }

        address = new TronAddress(bytes[1..]);
        error = null;
        return true;
    }

    /// <summary>From the 20 address bytes of an EVM-style word, topic or log address (no 0x41 prefix).</summary>
    public static TronAddress FromLast20(ReadOnlySpan<byte> last20) =>
        last20.Length == 20 ? new TronAddress(last20) : throw new ArgumentException($"Expected 20 address bytes, got {last20.Length}.", nameof(last20));

    /// <summary>
    /// A log's or receipt's address field: 40 hex digits (the node's visible=false form, no 41),
    /// 42 hex digits starting 41, or base58 (visible=true).
    /// </summary>
    public static TronAddress FromLogAddress(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Span<byte> bytes = stackalloc byte[20];
        if (value.Length == 40 && Hex.TryDecode(value, bytes))
        {
            return new TronAddress(bytes);
        }

        return Parse(value);
    }

    /// <summary>From an uncompressed secp256k1 public key: 64 bytes X‖Y, or 65 bytes 0x04‖X‖Y.</summary>
    public static TronAddress FromPublicKey(ReadOnlySpan<byte> uncompressed64or65)
    {
        var xy = uncompressed64or65.Length switch
        {
            64 => uncompressed64or65,
            65 when uncompressed64or65[0] == 0x04 => uncompressed64or65[1..],
            65 => throw new ArgumentException($"A 65-byte public key starts with 0x04, this one with 0x{uncompressed64or65[0]:x2}.", nameof(uncompressed64or65)),
            _ => throw new ArgumentException($"Expected an uncompressed public key of 64 or 65 bytes, got {uncompressed64or65.Length}.", nameof(uncompressed64or65)),
        };
        return new TronAddress(Keccak256.Hash(xy).AsSpan(12));
    }

    public void WriteTo(Span<byte> destination21)
    {
        destination21[0] = Prefix;
        WriteLast20(destination21[1..]);
    }

    public void WriteLast20(Span<byte> destination20)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination20, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination20[8..], _b);
        BinaryPrimitives.WriteUInt32BigEndian(destination20[16..], _c);
    }

    public string ToBase58()
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        return Base58.EncodeCheck(bytes);
    }

    /// <summary>The 42-digit hex form, "41…".</summary>
    public string ToHex()
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        return Hex.ToHex(bytes);
    }

    public override string ToString() => ToBase58();

    public bool Equals(TronAddress other) => _a == other._a && _b == other._b && _c == other._c;

    public override bool Equals(object? obj) => obj is TronAddress other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_a, _b, _c);

    public static bool operator ==(TronAddress left, TronAddress right) => left.Equals(right);

    public static bool operator !=(TronAddress left, TronAddress right) => !left.Equals(right);
}
