using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;

namespace Meterchat.Tron.Tests.Crypto;

public class TronKeyTests
{
    [Theory]
    [InlineData("", "expected 32 bytes")]
    [InlineData("01", "expected 32 bytes (64 hex digits), got 1")]
    [InlineData("zz", "not a hex digit")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", "between 1 and the curve order")]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", "between 1 and the curve order")]
    public void Invalid_private_key_is_refused(string hex, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => TronKey.FromHex(hex));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exported_key_reimports_to_the_same_address_and_ToString_hides_it()
    {
        using var key = TronKey.Generate();
        var hex = key.ExportHex();
        using var again = TronKey.FromHex(hex);
        Assert.Equal(key.Address, again.Address);
        Assert.Equal(key.PublicKey, again.PublicKey);
        Assert.DoesNotContain(hex, key.ToString(), StringComparison.Ordinal);
        Assert.Equal(65, key.PublicKey.Length);
        Assert.Equal(0x04, key.PublicKey[0]);
        Assert.Equal(TronAddress.FromPublicKey(key.PublicKey), key.Address);
    }
}
