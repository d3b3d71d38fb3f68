using System.Security.Cryptography;

namespace Meterchat.Tron.Encoding;

/// <summary>Bitcoin-alphabet Base58 and Base58Check (payload ‖ first 4 bytes of double SHA-256).</summary>
public static class Base58
{
    public const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static readonly sbyte[] Digits = BuildDigits();

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0)
        {
            zeros++;
        }

        // Base-256 to base-58 by repeated division; inputs here are tens of bytes.
        var digits = new byte[(data.Length * 138 / 100) + 1];
        var length = 0;
        for (var i = zeros; i < data.Length; i++)
        {
            int carry = data[i];
            var j = 0;
            for (var k = digits.Length - 1; (carry != 0 || j < length) && k >= 0; k--, j++)
            {
                carry += 256 * digits[k];
                digits[k] = (byte)(carry % 58);
                carry /= 58;
            }

            length = j;
        }

        var start = digits.Length - length;
        var chars = new char[zeros + length];
        chars.AsSpan(0, zeros).Fill('1');
        for (var i = 0; i < length; i++)
        {
            chars[zeros + i] = Alphabet[digits[start + i]];
        }

        return new string(chars);
    }

    public static byte[] Decode(string text) =>
        TryDecode(text, out var bytes, out var error) ? bytes : throw new FormatException(error);

    public static bool TryDecode(string text, out byte[] bytes, out string? error)
    {
        bytes = [];
        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1')
        {
            zeros++;
        }

        var b256 = new byte[(text.Length * 733 / 1000) + 1];
        var length = 0;
        for (var i = zeros; i < text.Length; i++)
        {
            var c = text[i];
            var digit = c < 128 ? Digits[c] : -1;
            if (digit < 0)
            {
                error = $"character '{c}' at position {i} is not in the base58 alphabet (it has no 0, O, I or l)";
                return false;
            }

            int carry = digit;
            var j = 0;
            for (var k = b256.Length - 1; (carry != 0 || j < length) && k >= 0; k--, j++)
            {
                carry += 58 * b256[k];
                b256[k] = (byte)(carry & 0xff);
                carry >>= 8;
            }

            length = j;
        }

        bytes = new byte[zeros + length];
        b256.AsSpan(b256.Length - length).CopyTo(bytes.AsSpan(zeros));
        error = null;
        return true;
    }

    public static string EncodeCheck(ReadOnlySpan<byte> payload)
    {
        var buffer = new byte[payload.Length + 4];
        payload.CopyTo(buffer);
        Checksum(payload).CopyTo(buffer.AsSpan(payload.Length));
        return Encode(buffer);
    }

    public static byte[] DecodeCheck(string text) =>
        TryDecodeCheck(text, out var payload, out var error) ? payload : throw new FormatException(error);

    public static bool TryDecodeCheck(string text, out byte[] payload, out string? error)
    {
        payload = [];
        if (!TryDecode(text, out var raw, out error))
        {
            return false;
        }

        if (raw.Length < 4)
        {
            error = $"decodes to {raw.Length} bytes, shorter than its 4-byte checksum";
            return false;
        }

        var body = raw.AsSpan(0, raw.Length - 4);
        if (!Checksum(body).AsSpan().SequenceEqual(raw.AsSpan(raw.Length - 4)))
        {
            error = "checksum does not match (a mistyped or altered character)";
            return false;
        }

        payload = body.ToArray();
        return true;
    }

    private static byte[] Checksum(ReadOnlySpan<byte> payload) =>
        SHA256.HashData(SHA256.HashData(payload))[..4];

    private static sbyte[] BuildDigits()
    {
        var digits = new sbyte[128];
        Array.Fill(digits, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            digits[Alphabet[i]] = (sbyte)i;
        }

        return digits;
    }
}
