using System.Numerics;
using Meterchat.Ethereum.Prices;
using Meterchat.Ledger;
using Microsoft.Extensions.Time.Testing;

namespace Meterchat.Tests.Ethereum;

/// <summary>ETH converts to micro-USDT by integer arithmetic on wei, rounded in the platform's favour.</summary>
public sealed class EtherPriceTests
{
    private static readonly EtherPrice At3000 = new(3_000_000_000, DateTimeOffset.UnixEpoch, "fixed");

    [Fact]
    public void One_ether_is_worth_the_quoted_price_and_a_fraction_rounds_down()
    {
        Assert.Equal(new Micros(3_000_000_000), At3000.MicrosFor(EtherPrice.WeiPerEther));
        Assert.Equal(new Micros(3_000_000), At3000.MicrosFor(BigInteger.Pow(10, 15)));
        // 1 wei is worth 3·10^-9 µUSDT: nothing.
        Assert.Equal(new Micros(0), At3000.MicrosFor(1));
        // 0.0012345678901 ETH = 3.7037036703 USDT → 3,703,703 µUSDT (down).
        Assert.Equal(new Micros(3_703_703), At3000.MicrosFor(BigInteger.Parse("1234567890100000")));
    }

    [Fact]
    public void Wei_for_an_amount_rounds_up_so_a_fee_is_always_covered()
    {
        Assert.Equal(BigInteger.Pow(10, 15), At3000.WeiFor(new Micros(3_000_000)));
        // 1 µUSDT at 3,000 USDT per ETH is 333,333,333.3 wei: 333,333,334.
        var wei = At3000.WeiFor(new Micros(1));
        Assert.Equal(BigInteger.Parse("333333334"), wei);
        Assert.True(At3000.MicrosFor(wei) >= new Micros(1));
    }

    [Fact]
    public void A_negative_amount_or_an_overflow_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => At3000.MicrosFor(-1));
        Assert.Throws<OverflowException>(() => At3000.MicrosFor(BigInteger.Pow(10, 30)));
    }

    [Fact]
    public async Task The_fixed_source_quotes_its_price_as_of_now_and_without_one_it_refuses()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
        var quote = await new FixedPriceSource(new PriceOptions { FixedMicrosPerEther = 2_500_000_000 }, time).EtherPriceAsync(default);
        Assert.Equal(2_500_000_000, quote.MicrosPerEther);
        Assert.Equal(time.GetUtcNow(), quote.At);
        await Assert.ThrowsAsync<PriceUnavailableException>(() => new FixedPriceSource(new PriceOptions(), time).EtherPriceAsync(default));
    }
}
