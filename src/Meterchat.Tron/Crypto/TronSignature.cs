using System.Security.Cryptography;
using Meterchat.Tron.Encoding;
using NBitcoin.Secp256k1;

namespace Meterchat.Tron.Crypto;

/// <summary>Recovers who signed a TRON transaction id from its 65-byte r‖s‖v signature.</summary>
public static class TronSignature
{
    /// <summary>
    /// The address whose key made <paramref name="sig65"/> over <paramref name="txId"/>.
    /// v may be 0/1 (java-tron, wallet-core) or 27/28 (TronWeb). Throws with the reason when the
    /// signature is malformed or recovers no key.
    /// </summary>
    public static TronAddress RecoverSigner(ReadOnlySpan<byte> txId, ReadOnlySpan<byte> sig65) =>
        TryRecoverSigner(txId, sig65, out var signer, out var error) ? signer : throw new CryptographicException(error);

    public static bool TryRecoverSigner(ReadOnlySpan<byte> txId, ReadOnlySpan<byte> sig65, out TronAddress signer, out string? error)
    {
        signer = default;
        if (!TryRecoverPublicKey(txId, sig65, out var publicKey, out error))
        {
            return false;
        }

        signer = TronAddress.FromPublicKey(publicKey);
        return true;
    }

    /// <summary>The uncompressed public key (65 bytes, 0x04‖X‖Y) that made the signature.</summary>
    public static byte[] RecoverPublicKey(ReadOnlySpan<byte> txId, ReadOnlySpan<byte> sig65) =>
        TryRecoverPublicKey(txId, sig65, out var publicKey, out var error) ? publicKey : throw new CryptographicException(error);

    public static bool TryRecoverPublicKey(ReadOnlySpan<byte> txId, ReadOnlySpan<byte> sig65, out byte[] publicKey, out string? error)
    {
        publicKey = [];
        if (txId.Length != 32)
        {
            error = $"a transaction id is 32 bytes, got {txId.Length}";
            return false;
        }

        if (sig65.Length != TronKey.SignatureLength)
        {
            error = $"a signature is 65 bytes (r‖s‖v, 130 hex digits), got {sig65.Length}";
            return false;
        }

        int v = sig65[64];
        var recid = v switch
        {
            0 or 1 => v,
            27 or 28 => v - 27,
            _ => -1,
        };
        if (recid < 0)
        {
            error = $"the recovery byte v is {v}; expected 0, 1, 27 or 28";
            return false;
        }

        if (!InRange(sig65[..32]) || !InRange(sig65[32..64])
            || !SecpRecoverableECDSASignature.TryCreateFromCompact(sig65[..64], recid, out var signature) || signature is null)
        {
            error = "r or s is zero or not below the curve order";
            return false;
        }

        if (!ECPubKey.TryRecover(Context.Instance, signature, txId, out var key) || key is null)
        {
            error = "the signature does not recover to a public key (r is not a point on the curve)";
            return false;
        }

        publicKey = key.ToBytes(compressed: false);
        error = null;
        return true;
    }

    // 0 < value < n, the curve order, for r and s as 32 big-endian bytes.
    private static bool InRange(ReadOnlySpan<byte> value32) =>
        value32.IndexOfAnyExcept((byte)0) >= 0 && value32.SequenceCompareTo(CurveOrder) < 0;

    private static ReadOnlySpan<byte> CurveOrder =>
    [
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
        0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41,
    ];
}
