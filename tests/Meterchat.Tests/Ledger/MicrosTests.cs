using CsCheck;
using Meterchat.Ledger;

namespace Meterchat.Tests.Ledger;

public sealed class MicrosTests
{
    [Theory]
    [InlineData("25", 250_000)]
    [InlineData("12.5", 125_000)]
    [InlineData("0.01", 100)]
    [InlineData("007", 70_000)]
    [InlineData(" 3 ", 30_000)]
    [InlineData("0", 0)]
    public void Tokens_parse_to_micros(string text, long micros) =>
        Assert.Equal(new Micros(micros), Micros.ParseTokens(text));

    [Theory]
    [InlineData("10", 10_000_000)]
    [InlineData("4.50", 4_500_000)]
    [InlineData("0.000001", 1)]
    [InlineData("1.5", 1_500_000)]
    public void Usdt_parses_to_micros(string text, long micros) =>
        Assert.Equal(new Micros(micros), Micros.ParseUsdt(text));

    [Fact]
    public void Tokens_accept_at_most_two_decimals()
    {
        Assert.False(Micros.TryParseTokens("1.001", out _, out var error));
        Assert.Contains("more than 2 decimals", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Usdt_accepts_at_most_six_decimals()
    {
        Assert.False(Micros.TryParseUsdt("0.0000001", out _, out var error));
        Assert.Contains("more than 6 decimals", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("-0.5")]
    [InlineData("-0")]
    public void Negative_amounts_are_rejected(string text)
    {
        Assert.False(Micros.TryParseUsdt(text, out _, out var error));
        Assert.Contains("negative", error, StringComparison.Ordinal);
        var thrown = Assert.Throws<FormatException>(() => Micros.ParseTokens(text));
        Assert.Contains("negative", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9223372036854775807")]
    [InlineData("922337203685478")]
    [InlineData("99999999999999999999999999")]
    public void Overflowing_amounts_are_rejected(string text)
    {
        Assert.False(Micros.TryParseTokens(text, out _, out var error));
        Assert.Contains("too large", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Missing_amount_is_rejected(string? text)
    {
        Assert.False(Micros.TryParseUsdt(text, out _, out var error));
        Assert.Contains("required", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1,000")]
    [InlineData("1e6")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("+5")]
    [InlineData("1.2.3")]
    [InlineData("١٢")]
    [InlineData("0x10")]
    public void Malformed_amounts_are_rejected_with_a_clear_message(string text)
    {
        Assert.False(Micros.TryParseTokens(text, out var amount, out var error));
        Assert.Equal(Micros.Zero, amount);
        Assert.Contains("is not an amount of tokens", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4_500_000, "4.50")]
    [InlineData(1, "0.000001")]
    [InlineData(0, "0.00")]
    [InlineData(100_000_000, "100.00")]
    [InlineData(1_234_500, "1.2345")]
    [InlineData(-1_500_000, "-1.50")]
    [InlineData(-1, "-0.000001")]
    public void Usdt_shows_two_to_six_decimals(long micros, string text) =>
        Assert.Equal(text, new Micros(micros).ToUsdtString());

    [Theory]
    [InlineData(4_500_000, "450")]
    [InlineData(125_000, "12.5")]
    [InlineData(100, "0.01")]
    [InlineData(99, "0")]
    [InlineData(1_000_000, "100")]
    [InlineData(0, "0")]
    [InlineData(-250_000, "-25")]
    public void Tokens_show_at_most_two_decimals_rounded_toward_zero(long micros, string text) =>
        Assert.Equal(text, new Micros(micros).ToTokensString());

    [Fact]
    public void Formatted_usdt_parses_back_to_the_same_amount() =>
        Gen.Long[0, long.MaxValue].Sample(v => Micros.ParseUsdt(new Micros(v).ToUsdtString()) == new Micros(v));

    [Fact]
    public void Formatted_tokens_parse_back_to_the_amount_rounded_down_to_a_hundredth_of_a_token() =>
        Gen.Long[0, long.MaxValue].Sample(v => Micros.ParseTokens(new Micros(v).ToTokensString()) == new Micros(v - (v % 100)));

    [Fact]
    public void Tokens_and_usdt_agree_one_usdt_is_a_hundred_tokens()
    {
        Assert.Equal(Micros.FromUsdt(1), Micros.FromTokens(100));
        Assert.Equal(Micros.ParseUsdt("4.50"), Micros.ParseTokens("450"));
    }

    [Fact]
    public void Arithmetic_is_checked()
    {
        var max = new Micros(long.MaxValue);
        Assert.Throws<OverflowException>(() => max + new Micros(1));
        Assert.Throws<OverflowException>(() => new Micros(long.MinValue) - new Micros(1));
        Assert.Throws<OverflowException>(() => -new Micros(long.MinValue));
        Assert.Throws<OverflowException>(() => max * 2);
        Assert.Throws<OverflowException>(() => Micros.FromUsdt(long.MaxValue / 100));
        Assert.Throws<OverflowException>(() => Micros.FromTokens(long.MaxValue));
    }

    [Fact]
    public void TryAdd_reports_overflow_instead_of_wrapping()
    {
        Assert.False(Micros.TryAdd(new Micros(long.MaxValue), new Micros(1), out _));
        Assert.False(Micros.TryAdd(new Micros(long.MinValue), new Micros(-1), out _));
        Assert.True(Micros.TryAdd(new Micros(long.MaxValue), new Micros(-1), out var sum));
        Assert.Equal(new Micros(long.MaxValue - 1), sum);
    }

    [Fact]
    public void TryAdd_agrees_with_checked_addition() =>
        Gen.Select(Gen.Long, Gen.Long).Sample((a, b) =>
        {
            bool overflows;
            try
            {
                _ = checked(a + b);
                overflows = false;
            }
            catch (OverflowException)
            {
                overflows = true;
            }

            return Micros.TryAdd(new Micros(a), new Micros(b), out var sum) == !overflows && (overflows || sum.Value == a + b);
        });

    [Fact]
    public void Sums_differences_and_comparisons_follow_the_integers()
    {
        var a = Micros.ParseTokens("12.5");
        var b = Micros.ParseTokens("2.5");
        Assert.Equal(Micros.ParseTokens("15"), a + b);
        Assert.Equal(Micros.ParseTokens("10"), a - b);
        Assert.Equal(Micros.ParseTokens("25"), b * 10);
        Assert.True(b < a && a > b && a >= b && b <= a && a >= Micros.ParseTokens("12.50"));
        Assert.Equal(b, Micros.Min(a, b));
        Assert.True((-a).IsNegative && a.IsPositive && !Micros.Zero.IsPositive);
    }
}
