using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;

namespace Meterchat.Tron.Tests.Encoding;

public class TronAddressTests
{
    private const string Usdt = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
    private const string UsdtHex = "41a614f803b6fd780986a42c78ec9c7f77e6ded13c";

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("0xa614f803b6fd780986a42c78ec9c7f77e6ded13c", "Ethereum-style")]
    [InlineData("0x41a614f803b6fd780986a42c78ec9c7f77e6ded13c", "without the 0x prefix")]
    [InlineData("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6", "34 characters, this one has 33")]
    [InlineData("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6tt", "34 characters, this one has 35")]
    [InlineData("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj60", "'0' at position 33 is not in the base58 alphabet")]
    [InlineData("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLjOt", "'O' at position 32")]
    [InlineData("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLjIt", "'I' at position 32")]
    [InlineData("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLjlt", "'l' at position 32")]
    [InlineData("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u", "checksum")]
    [InlineData("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj7t", "checksum")]
    [InlineData("1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "prefix byte is 0x00")]
    [InlineData("1111111111111111111111111111111111", "decodes to 34 bytes")]
    [InlineData("42a614f803b6fd780986a42c78ec9c7f77e6ded13c", "prefix byte is 0x42")]
    [InlineData("41a614f803b6fd780986a42c78ec9c7f77e6ded1", "42 hex digits")]
    [InlineData("41a614f803b6fd780986a42c78ec9c7f77e6ded13c00", "42 hex digits")]
    [InlineData("a614f803b6fd780986a42c78ec9c7f77e6ded13c", "42 hex digits")]
    [InlineData("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t ", "34 characters")]
    [InlineData("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6é", "'é' at position 33 is not in the base58 alphabet")]
    public void Malformed_address_is_refused_with_the_reason(string text, string reason)
    {
        Assert.False(TronAddress.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        var ex = Assert.Throws<FormatException>(() => TronAddress.Parse(text));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_is_refused()
    {
        Assert.False(TronAddress.TryParse(null, out _, out var error));
        Assert.Contains("empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Hex_with_uppercase_digits_parses_to_the_same_address() =>
        Assert.Equal(TronAddress.Parse(Usdt), TronAddress.Parse(UsdtHex.ToUpperInvariant()));

    [Fact]
    public void Bytes_Last20_and_forms_agree()
    {
        var a = TronAddress.Parse(Usdt);
        Assert.Equal(UsdtHex, Hex.ToHex(a.Bytes));
        Assert.Equal(UsdtHex[2..], Hex.ToHex(a.Last20));
        Assert.Equal(Usdt, a.ToString());
        Assert.Equal(a, TronAddress.FromBytes(a.Bytes));
        Assert.Equal(a, TronAddress.FromLast20(a.Last20));
        Assert.Equal(a, TronAddress.FromLogAddress(UsdtHex[2..]));
        Assert.Equal(a, TronAddress.FromLogAddress(UsdtHex));
        Assert.Equal(a, TronAddress.FromLogAddress(Usdt));
    }

    [Fact]
    public void Equality_is_by_bytes()
    {
        var a = TronAddress.Parse(Usdt);
        var b = TronAddress.FromHex(UsdtHex);
        var other = TronAddress.Parse("TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC");
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, other);
        Assert.True(a.Equals((object)b));
        Assert.Single(new HashSet<TronAddress> { a, b });
    }

    [Fact]
    public void Default_is_the_zero_address() =>
        Assert.Equal("T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb", default(TronAddress).ToBase58());

    [Theory]
    [InlineData(20)]
    [InlineData(22)]
    public void Wrong_byte_count_is_refused(int length)
    {
        var bytes = new byte[length];
        bytes[0] = 0x41;
        var ex = Assert.Throws<FormatException>(() => TronAddress.FromBytes(bytes));
        Assert.Contains($"got {length}", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TronAddress.FromLast20(new byte[length - 1]));
    }

    [Theory]
    [InlineData(33)]
    [InlineData(63)]
    [InlineData(66)]
    public void Public_key_of_wrong_length_is_refused(int length)
    {
        var ex = Assert.Throws<ArgumentException>(() => TronAddress.FromPublicKey(new byte[length]));
        Assert.Contains("64 or 65", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sixty_five_byte_public_key_must_start_with_04()
    {
        using var key = TronKey.Generate();
        var pub = key.PublicKey;
        pub[0] = 0x02;
        var ex = Assert.Throws<ArgumentException>(() => TronAddress.FromPublicKey(pub));
        Assert.Contains("0x04", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_addresses_round_trip_through_both_forms()
    {
        for (var i = 0; i < 50; i++)
        {
            using var key = TronKey.Generate();
            var a = key.Address;
            var b58 = a.ToBase58();
            Assert.Equal(34, b58.Length);
            Assert.StartsWith("T", b58, StringComparison.Ordinal);
            Assert.Equal(a, TronAddress.Parse(b58));
            Assert.Equal(a, TronAddress.Parse(a.ToHex()));
        }
    }
}
