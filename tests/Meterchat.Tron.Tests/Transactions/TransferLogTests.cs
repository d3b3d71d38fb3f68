using System.Numerics;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;

namespace Meterchat.Tron.Tests.Transactions;

public class TransferLogTests
{
    private const string From = "0000000000000000000000006e3b44b96104b26f84057974a1f0c9880f7c9b13";
    private const string To = "00000000000000000000000018314cd6beab3b324174395a40731cfdf07e857d";
    private const string Thousand = "00000000000000000000000000000000000000000000000000000000000003e8";

    [Fact]
    public void Transfer_log_decodes_with_or_without_0x()
    {
        Assert.True(TransferLog.TryDecode([TransferLog.Topic0Hex, From, To], Thousand, out var log));
        Assert.Equal("TCB8H6cKtfLZJyt3tXkbN1a8Nxrh2x14RB", log.To.ToBase58());
        Assert.Equal(1000, log.AmountAsInt64());
        Assert.True(TransferLog.TryDecode(["0x" + TransferLog.Topic0Hex, "0x" + From, "0x" + To], "0x" + Thousand, out var again));
        Assert.Equal(log, again);
    }

    [Theory]
    [InlineData("8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925", From, To, Thousand, "topic0 is not Transfer")]
    [InlineData(TransferLog.Topic0Hex, "6e3b44b96104b26f84057974a1f0c9880f7c9b13", To, Thousand, "not a 32-byte hex word")]
    [InlineData(TransferLog.Topic0Hex, From, To, "03e8", "data is not one 32-byte hex word")]
    [InlineData(TransferLog.Topic0Hex, From, To, Thousand + Thousand, "data is not one 32-byte hex word")]
    [InlineData(TransferLog.Topic0Hex, From, To, "zz", "data is not one 32-byte hex word")]
    public void Log_that_is_not_a_trc20_transfer_is_refused(string topic0, string from, string to, string data, string reason)
    {
        Assert.False(TransferLog.TryDecode([topic0, from, to], data, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Erc721_style_transfer_with_four_topics_is_refused()
    {
        Assert.False(TransferLog.TryDecode([TransferLog.Topic0Hex, From, To, Thousand], "", out _, out var error));
        Assert.Contains("3 topics, this one has 4", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Amount_above_long_max_is_refused_with_a_clear_error()
    {
        var huge = (BigInteger)long.MaxValue + 1;
        var data = Hex.ToHex(huge.ToByteArray(isUnsigned: true, isBigEndian: true)).PadLeft(64, '0');
        Assert.True(TransferLog.TryDecode([TransferLog.Topic0Hex, From, To], data, out var log));
        Assert.Equal(huge, log.Amount);
        Assert.False(log.TryGetAmountAsInt64(out _, out var error));
        Assert.Contains("9223372036854775808", error, StringComparison.Ordinal);
        var ex = Assert.Throws<OverflowException>(() => log.AmountAsInt64());
        Assert.Contains("above the largest the ledger holds", ex.Message, StringComparison.Ordinal);

        var max = new TransferLog(log.From, log.To, long.MaxValue);
        Assert.Equal(long.MaxValue, max.AmountAsInt64());
        var uint256 = new TransferLog(log.From, log.To, (BigInteger.One << 256) - 1);
        Assert.Throws<OverflowException>(() => uint256.AmountAsInt64());
    }
}
