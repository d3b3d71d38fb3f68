using System.Numerics;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;

namespace Meterchat.Tron.Tests.Transactions;

public class Trc20Tests
{
    private static readonly TronAddress To = TronAddress.Parse("TQGjrFjwuXuQu7ZhxcVeqpDVxFZt9RgzUs");

    [Fact]
    public void Selectors_are_keccak_of_the_signatures()
    {
        Assert.Equal(Trc20.TransferSelectorHex, Hex.ToHex(Keccak256.Hash("transfer(address,uint256)").AsSpan(0, 4)));
        Assert.Equal(Trc20.BalanceOfSelectorHex, Hex.ToHex(Keccak256.Hash("balanceOf(address)").AsSpan(0, 4)));
        Assert.Equal(Trc20.DecimalsSelectorHex, Hex.ToHex(Keccak256.Hash("decimals()").AsSpan(0, 4)));
        Assert.Equal(TransferLog.Topic0Hex, Hex.ToHex(Keccak256.Hash("Transfer(address,address,uint256)")));
    }

    [Fact]
    public void BalanceOf_and_decimals_calls()
    {
        Assert.Equal("70a08231" + new string('0', 24) + To.ToHex()[2..], Hex.ToHex(Trc20.BalanceOfCall(To)));
        Assert.Equal("313ce567", Hex.ToHex(Trc20.DecimalsCall()));
    }

    [Fact]
    public void Recipient_is_the_low_20_bytes_even_when_a_wallet_wrote_41_into_the_word()
    {
        var data = Trc20.EncodeTransfer(To, 7UL);
        data[4 + 11] = 0x41;
        Assert.Equal((To, new BigInteger(7)), Trc20.DecodeTransfer(data));
    }

    [Fact]
    public void Largest_uint256_round_trips_and_beyond_it_is_refused()
    {
        var max = (BigInteger.One << 256) - 1;
        Assert.Equal(max, Trc20.DecodeTransfer(Trc20.EncodeTransfer(To, max)).Amount);
        Assert.Throws<ArgumentOutOfRangeException>(() => Trc20.EncodeTransfer(To, max + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Trc20.EncodeTransfer(To, BigInteger.MinusOne));
    }

    [Fact]
    public void Call_that_is_not_a_transfer_is_refused_with_the_reason()
    {
        Assert.Contains("selector is '095ea7b3'", Assert.Throws<FormatException>(() => Trc20.DecodeTransfer(Hex.Parse("095ea7b3" + new string('0', 128)))).Message, StringComparison.Ordinal);
        Assert.Contains("68 bytes, this one is 36", Assert.Throws<FormatException>(() => Trc20.DecodeTransfer(Trc20.EncodeTransfer(To, 1UL).AsSpan(0, 36))).Message, StringComparison.Ordinal);
        Assert.Contains("selector is ''", Assert.Throws<FormatException>(() => Trc20.DecodeTransfer([])).Message, StringComparison.Ordinal);
        Assert.False(Trc20.IsTransfer(Trc20.BalanceOfCall(To)));
        Assert.True(Trc20.IsTransfer(Trc20.EncodeTransfer(To, 1UL)));
    }
}
