using System.Security.Cryptography;
using Meterchat.Tron.Encoding;
using NBitcoin.Secp256k1;

namespace Meterchat.Tron.Crypto;

/// <summary>
/// A secp256k1 private key that signs TRON transaction ids. Signatures are RFC 6979
/// deterministic, low-s, 65 bytes r‖s‖v with v = 0/1 (the form java-tron and wallet-core write).
/// </summary>
public sealed class TronKey : IDisposable
{
    public const int SignatureLength = 65;

    private readonly ECPrivKey _key;

    private TronKey(ECPrivKey key)
    {
        _key = key;
        var pub = new byte[65];
        key.CreatePubKey().WriteToSpan(compressed: false, pub, out _);
        PublicKey = pub;
        Address = TronAddress.FromPublicKey(pub);
    }

    /// <summary>The uncompressed public key, 65 bytes 0x04‖X‖Y.</summary>
    public byte[] PublicKey { get; }

    /// <summary>The compressed public key, 33 bytes 0x02/0x03‖X (what BIP32 serialises).</summary>
    public byte[] PublicKeyCompressed
    {
        get
        {
            var compressed = new byte[33];
            compressed[0] = (byte)(2 + (PublicKey[64] & 1));
            PublicKey.AsSpan(1, 32).CopyTo(compressed.AsSpan(1));
            return compressed;
        }
    }

    public TronAddress Address { get; }

    public static TronKey FromHex(string privateKeyHex)
    {
        if (!Hex.TryParse(privateKeyHex, out var bytes, out var error))
        {
            throw new FormatException($"Invalid private key: {error}.");
        }

        try
        {
            return FromBytes(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    public static TronKey FromBytes(ReadOnlySpan<byte> privateKey32)
    {
        if (privateKey32.Length != 32)
        {
            throw new FormatException($"Invalid private key: expected 32 bytes (64 hex digits), got {privateKey32.Length}.");
        }

        return ECPrivKey.TryCreate(privateKey32, out var key)
            ? new TronKey(key)
            : throw new FormatException("Invalid private key: it must be between 1 and the curve order n - 1.");
    }

    public static TronKey Generate()
    {
        Span<byte> bytes = stackalloc byte[32];
        try
        {
            while (true)
            {
                RandomNumberGenerator.Fill(bytes);
                if (ECPrivKey.TryCreate(bytes, out var key))
                {
                    return new TronKey(key);
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>The 32 private key bytes as hex: handle as a secret.</summary>
    public string ExportHex()
    {
        Span<byte> bytes = stackalloc byte[32];
        _key.WriteToSpan(bytes);
        var hex = Hex.ToHex(bytes);
        CryptographicOperations.ZeroMemory(bytes);
        return hex;
    }

    /// <summary>Signs a 32-byte hash (a txID): r‖s‖v, v = recovery id 0/1.</summary>
    public byte[] Sign(ReadOnlySpan<byte> txId32)
    {
        if (txId32.Length != 32)
        {
            throw new ArgumentException($"A transaction id is 32 bytes, got {txId32.Length}.", nameof(txId32));
        }

        // libsecp256k1's default nonce is RFC 6979 (HMAC-SHA256) and it normalises to low-s.
        if (!_key.TrySignRecoverable(txId32, out var signature) || signature is null)
        {
            throw new CryptographicException("Signing failed.");
        }

        var result = new byte[SignatureLength];
        signature.WriteToSpanCompact(result.AsSpan(0, 64), out var recid);
        result[64] = (byte)recid;
        return result;
    }

    public void Dispose() => _key.Dispose();

    public override string ToString() => $"TronKey({Address})";
}
