using System.Numerics;
using System.Security.Cryptography;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;

namespace Meterchat.Tron.Tests.Crypto;

public class TronSignatureTests
{
    private static readonly BigInteger N = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);
    private static readonly BigInteger P = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F", System.Globalization.NumberStyles.HexNumber);

    private static readonly byte[] TxId = SHA256.HashData("meterchat"u8);

    private static (TronKey Key, byte[] Signature) Signed()
    {
        var key = TronKey.Generate();
        return (key, key.Sign(TxId));
    }

    [Fact]
    public void Signature_recovers_the_signer_with_v_0_1_and_27_28()
    {
        var (key, sig) = Signed();
        using (key)
        {
            Assert.Equal(key.Address, TronSignature.RecoverSigner(TxId, sig));
            sig[64] += 27;
            Assert.Equal(key.Address, TronSignature.RecoverSigner(TxId, sig));
        }
    }

    [Fact]
    public void Signing_is_deterministic_and_low_s()
    {
        using var key = TronKey.Generate();
        for (var i = 0; i < 20; i++)
        {
            var txId = SHA256.HashData(BitConverter.GetBytes(i));
            var sig = key.Sign(txId);
            Assert.Equal(sig, key.Sign(txId));
            var s = new BigInteger(sig.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
            Assert.True(s <= N / 2, "s must be in the lower half of the order");
        }
    }

    [Fact]
    public void Another_txid_recovers_another_address()
    {
        var (key, sig) = Signed();
        using (key)
        {
            var other = SHA256.HashData("something else"u8);
            Assert.NotEqual(key.Address, TronSignature.RecoverSigner(other, sig));
        }
    }

    [Theory]
    [InlineData(0, "65 bytes")]
    [InlineData(64, "65 bytes (r‖s‖v, 130 hex digits), got 64")]
    [InlineData(66, "got 66")]
    public void Signature_of_wrong_length_is_refused(int length, string reason)
    {
        Assert.False(TronSignature.TryRecoverSigner(TxId, new byte[length], out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        var ex = Assert.Throws<CryptographicException>(() => TronSignature.RecoverSigner(TxId, new byte[length]));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(26)]
    [InlineData(29)]
    [InlineData(255)]
    public void Unknown_recovery_byte_is_refused(byte v)
    {
        var (key, sig) = Signed();
        key.Dispose();
        sig[64] = v;
        var ex = Assert.Throws<CryptographicException>(() => TronSignature.RecoverSigner(TxId, sig));
        Assert.Contains($"v is {v}; expected 0, 1, 27 or 28", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_or_overflowing_r_and_s_are_refused()
    {
        var zero = new byte[65];
        Assert.Contains("zero or not below the curve order", Assert.Throws<CryptographicException>(() => TronSignature.RecoverSigner(TxId, zero)).Message, StringComparison.Ordinal);

        var big = Enumerable.Repeat((byte)0xff, 65).ToArray();
        big[64] = 0;
        Assert.Contains("not below the curve order", Assert.Throws<CryptographicException>(() => TronSignature.RecoverSigner(TxId, big)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R_that_is_not_on_the_curve_is_refused()
    {
        // x with no y: x^3 + 7 is a quadratic non-residue mod p.
        var x = new BigInteger(1);
        while (BigInteger.ModPow((BigInteger.Pow(x, 3) + 7) % P, (P - 1) / 2, P) == 1)
        {
            x++;
        }

        var sig = new byte[65];
        x.TryWriteBytes(sig.AsSpan(0, 32)[(32 - x.GetByteCount(true))..], out _, isUnsigned: true, isBigEndian: true);
        sig[63] = 1;
        var ex = Assert.Throws<CryptographicException>(() => TronSignature.RecoverSigner(TxId, sig));
        Assert.Contains("does not recover", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Txid_of_wrong_length_is_refused()
    {
        var (key, sig) = Signed();
        key.Dispose();
        var ex = Assert.Throws<CryptographicException>(() => TronSignature.RecoverSigner(TxId.AsSpan(0, 31), sig));
        Assert.Contains("32 bytes, got 31", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TronKey.Generate().Sign(new byte[33]));
    }
}
