using Meterchat.Tron.Encoding;

namespace Meterchat.Tron.Tests.Encoding;

public class ProtoTests
{
    [Fact]
    public void Zero_values_and_empty_bytes_are_omitted() =>
        Assert.Empty(new ProtoWriter().WriteVarint(1, 0).WriteBytes(2, []).WriteString(3, "").ToArray());

    [Fact]
    public void Varints_round_trip_including_negative_int64()
    {
        foreach (var value in new[] { 1L, 127, 128, 300, long.MaxValue, -1, long.MinValue })
        {
            var bytes = new ProtoWriter().WriteVarint(18, value).ToArray();
            var reader = new ProtoReader(bytes);
            Assert.True(reader.Next());
            Assert.Equal(18, reader.Field);
            Assert.Equal(value, reader.ReadInt64());
            Assert.False(reader.Next());
        }
    }

    [Theory]
    [InlineData("08", "truncated varint")]
    [InlineData("08ffffffffffffffffffff01", "longer than 10 bytes")]
    [InlineData("0a05aabb", "claims 5 bytes but only 2 remain")]
    [InlineData("0001", "field number 0")]
    public void Malformed_protobuf_is_refused(string hex, string reason)
    {
        var ex = Assert.Throws<FormatException>(() =>
        {
            var reader = new ProtoReader(Hex.Parse(hex));
            while (reader.Next())
            {
                reader.Skip();
            }
        });
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_wire_type_is_refused()
    {
        var ex = Assert.Throws<FormatException>(() =>
        {
            var reader = new ProtoReader(Hex.Parse("0801"));
            reader.Next();
            reader.ReadBytes();
        });
        Assert.Contains("wire type 0, expected 2", ex.Message, StringComparison.Ordinal);
    }
}
