using System.Numerics;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;

namespace Meterchat.DevChain;

/// <summary>The few ABI encodings the dev chain's contracts need: selectors, uint and address words, strings.</summary>
internal static class Abi
{
    public static string Selector(string signature) => Hex.ToHex(Keccak256.Hash(signature).AsSpan(0, 4));

    public static string Topic(string signature) => Hex.ToHex(Keccak256.Hash(signature));

    public static string Word(BigInteger value)
    {
        var hex = value.ToString("x", System.Globalization.CultureInfo.InvariantCulture).TrimStart('0');
        return hex.PadLeft(64, '0');
    }

    public static string Word(TronAddress address) => new string('0', 24) + Hex.ToHex(address.Last20);

    /// <summary>An ABI-encoded string return value: offset, length, padded bytes.</summary>
    public static string String(string value)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(value);
        var padded = new byte[(bytes.Length + 31) / 32 * 32];
        bytes.CopyTo(padded, 0);
        return Word(32) + Word(bytes.Length) + Hex.ToHex(padded);
    }

    public static BigInteger ReadUint(ReadOnlySpan<byte> data, int word) =>
        new(data.Slice(4 + (32 * word), 32), isUnsigned: true, isBigEndian: true);

    /// <summary>An address argument: the low 20 bytes of its word (the high 12 are ignored, as the TVM does).</summary>
    public static TronAddress ReadAddress(ReadOnlySpan<byte> data, int word) =>
        TronAddress.FromLast20(data.Slice(4 + (32 * word) + 12, 20));
}
