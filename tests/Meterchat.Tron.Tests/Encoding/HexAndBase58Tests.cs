using Meterchat.Tron.Encoding;

namespace Meterchat.Tron.Tests.Encoding;

public class HexAndBase58Tests
{
    [Fact]
    public void Hex_is_lower_case_and_parses_either_case_and_0x()
    {
        Assert.Equal("00abff", Hex.ToHex([0x00, 0xAB, 0xFF]));
        Assert.Equal(new byte[] { 0x00, 0xAB, 0xFF }, Hex.Parse("00ABff"));
        Assert.Equal(new byte[] { 0x00, 0xAB, 0xFF }, Hex.Parse("0x00abff"));
        Assert.Empty(Hex.Parse(""));
    }

    [Theory]
    [InlineData("abc", "odd number of digits (3)")]
    [InlineData("zz", "'z' at position 0 is not a hex digit")]
    [InlineData("0g", "'g' at position 1")]
    [InlineData("00 011", "' ' at position 2")]
    public void Malformed_hex_is_refused_with_the_reason(string hex, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => Hex.Parse(hex));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_needs_exactly_the_destination_length_in_valid_digits()
    {
        Span<byte> two = stackalloc byte[2];
        Assert.True(Hex.TryDecode("aBc0", two));
        Assert.Equal(new byte[] { 0xab, 0xc0 }, two.ToArray());
        Assert.False(Hex.TryDecode("abc", two));
        Assert.False(Hex.TryDecode("abc00", two));
        Assert.False(Hex.TryDecode("abcg", two));
    }

    [Fact]
    public void Base58_keeps_leading_zero_bytes_as_ones()
    {
        Assert.Equal("11", Base58.Encode([0, 0]));
        Assert.Equal(new byte[] { 0, 0, 1 }, Base58.Decode("112"));
        Assert.Equal("", Base58.Encode([]));
    }

    [Fact]
    public void Base58_round_trips_random_bytes()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var bytes = new byte[random.Next(0, 40)];
            random.NextBytes(bytes);
            if (i % 5 == 0 && bytes.Length > 2)
            {
                bytes[0] = 0;
                bytes[1] = 0;
            }

            Assert.Equal(bytes, Base58.Decode(Base58.Encode(bytes)));
            Assert.Equal(bytes, Base58.DecodeCheck(Base58.EncodeCheck(bytes)));
        }
    }

    [Fact]
    public void Base58Check_too_short_is_refused()
    {
        var ex = Assert.Throws<FormatException>(() => Base58.DecodeCheck("2"));
        Assert.Contains("shorter than its 4-byte checksum", ex.Message, StringComparison.Ordinal);
    }
}
