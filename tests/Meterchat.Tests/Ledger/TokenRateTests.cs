using Meterchat.Ledger;

namespace Meterchat.Tests.Ledger;

public sealed class TokenRateTests
{
    [Fact]
    public void A_unit_costs_the_rate_times_a_thousand_micros()
    {
        var rate = new TokenRate(20);
        Assert.Equal(new Micros(20_000), rate.UnitPrice);
        Assert.Equal("2", rate.UnitPrice.ToTokensString());
    }

    [Fact]
    public void A_minute_is_ten_units()
    {
        var rate = new TokenRate(37);
        Assert.Equal(rate.UnitPrice * 10, rate.PerMinute);
        Assert.Equal(Micros.FromTokens(37), rate.PerMinute);
    }

    [Fact]
    public void Thirty_minutes_at_twenty_tokens_cost_six_hundred_tokens()
    {
        // PRODUCT.md §5: 20 tokens/min, 30 min live = 300 units = 600 tokens; 25 % commission.
        var charged = new TokenRate(20).UnitPrice * 300;
        Assert.Equal(Micros.FromTokens(600), charged);
        Assert.Equal("6.00", charged.ToUsdtString());
    }

    [Theory]
    [InlineData(1, "0.1")]
    [InlineData(15, "1.5")]
    [InlineData(500, "50")]
    public void Unit_price_in_tokens_is_a_tenth_of_the_rate(int tokensPerMinute, string tokens) =>
        Assert.Equal(tokens, new TokenRate(tokensPerMinute).UnitPrice.ToTokensString());

    [Fact]
    public void Rate_reads_as_tokens_per_minute() => Assert.Equal("20 tokens/min", new TokenRate(20).ToString());
}
