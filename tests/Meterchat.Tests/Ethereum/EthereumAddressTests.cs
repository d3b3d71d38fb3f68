using Meterchat.Ethereum;

namespace Meterchat.Tests.Ethereum;

public sealed class EthereumAddressTests
{
    // The mixed-case examples of EIP-55 itself.
    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void An_eip55_example_is_shown_exactly_as_the_eip_writes_it_from_any_case(string checksummed)
    {
        Assert.Equal(checksummed, EthereumAddress.Parse(checksummed).Checksummed);
        Assert.Equal(checksummed, EthereumAddress.Parse(checksummed.ToLowerInvariant()).Checksummed);
        Assert.Equal(checksummed, EthereumAddress.Parse("0x" + checksummed[2..].ToUpperInvariant()).ToString());
        Assert.Equal(checksummed.ToLowerInvariant(), EthereumAddress.Parse(checksummed).Lower);
    }

    // EIP-55's all-caps and all-lower examples: no checksum to check, accepted as they are.
    [Theory]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    public void All_caps_or_all_lower_addresses_carry_no_checksum_and_are_accepted(string address)
    {
        Assert.Equal(address.ToLowerInvariant(), EthereumAddress.Parse(address).Lower);
    }

    [Fact]
    public void A_mistyped_capital_fails_the_checksum_with_a_clear_message()
    {
        // One letter's case flipped in 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed.
        var error = Assert.Throws<FormatException>(() => EthereumAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));
        Assert.Contains("EIP-55 checksum", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "40 hex digits")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe", "40 hex digits")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00", "40 hex digits")]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00", "40 hex digits")]
    [InlineData("0xgaaeb6053f3e94c9b9a09f33669435e7ef1beaed", "other characters")]
    [InlineData("TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7", "40 hex digits")]
    public void Wrong_length_prefix_or_characters_are_refused_with_a_clear_message(string text, string says)
    {
        var error = Assert.Throws<FormatException>(() => EthereumAddress.Parse(text));
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.False(EthereumAddress.TryParse(text, out _));
    }

    [Fact]
    public void Addresses_compare_equal_whatever_their_case()
    {
        var a = EthereumAddress.Parse("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
        var b = EthereumAddress.Parse("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359");
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Single(new HashSet<EthereumAddress> { a, b });
    }

    [Fact]
    public void A_log_topic_gives_the_address_in_its_last_20_bytes()
    {
        var topic = "0x000000000000000000000000" + "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";
        Assert.Equal("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", EthereumAddress.FromTopic(topic).Checksummed);
    }
}
