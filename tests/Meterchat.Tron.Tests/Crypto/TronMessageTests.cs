using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;

namespace Meterchat.Tron.Tests.Crypto;

public class TronMessageTests
{
    private const string Message = "Meterchat proof of liabilities\nroot: 00ff\n€ counts as 3 bytes";

    [Fact]
    public void The_hash_is_keccak_of_the_prefix_the_byte_length_and_the_message()
    {
        var body = System.Text.Encoding.UTF8.GetBytes(Message);
        var expected = Keccak256.Hash([.. "\x19TRON Signed Message:\n"u8, .. System.Text.Encoding.ASCII.GetBytes(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. body]);

        Assert.Equal(Hex.ToHex(expected), Hex.ToHex(TronMessage.Hash(Message)));
        Assert.NotEqual(Message.Length, body.Length);
    }

    [Fact]
    public void A_signed_message_recovers_the_signers_address_with_v_27_or_28()
    {
        using var key = TronKey.Generate();

        var signature = TronMessage.Sign(Message, key);

        Assert.Equal(130, signature.Length);
        Assert.Contains(Hex.Parse(signature)[64], new byte[] { 27, 28 });
        Assert.True(TronMessage.TryRecoverSigner(Message, signature, out var signer, out var error), error);
        Assert.Equal(key.Address, signer);
        Assert.Equal(signature, TronMessage.Sign(Message, key));
    }

    [Fact]
    public void A_changed_message_or_a_broken_signature_does_not_recover_the_signer()
    {
        using var key = TronKey.Generate();
        var signature = TronMessage.Sign(Message, key);

        Assert.True(TronMessage.TryRecoverSigner(Message + " ", signature, out var other, out _));
        Assert.NotEqual(key.Address, other);
        Assert.False(TronMessage.TryRecoverSigner(Message, "zz" + signature[2..], out _, out var notHex));
        Assert.Contains("not hex", notHex, StringComparison.Ordinal);
        Assert.False(TronMessage.TryRecoverSigner(Message, signature[..128], out _, out var shortError));
        Assert.Contains("65 bytes", shortError, StringComparison.Ordinal);
    }
}
