using Org.BouncyCastle.Crypto.Digests;

namespace Meterchat.Tron.Crypto;

/// <summary>
/// Keccak-256 as Ethereum and TRON use it (padding byte 0x01). Not NIST SHA3-256
/// (.NET's SHA3_256, padding 0x06), which gives different hashes.
/// </summary>
public static class Keccak256
{
    public const int HashLength = 32;

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data);
        var hash = new byte[HashLength];
        digest.DoFinal(hash, 0);
        return hash;
    }

    public static byte[] Hash(string utf8) => Hash(System.Text.Encoding.UTF8.GetBytes(utf8));
}
