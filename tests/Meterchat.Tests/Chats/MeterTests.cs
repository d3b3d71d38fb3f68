using CsCheck;
using Meterchat.Chats;
using Meterchat.Ledger;

namespace Meterchat.Tests.Chats;

public class MeterTests
{
    private readonly Meter _meter = new(new MeterOptions());

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(8, 1)]
    [InlineData(9, 2)]
    [InlineData(12, 2)]
    [InlineData(15, 3)]
    [InlineData(1800, 300)]
    public void Units_due_round_live_seconds_half_up_to_six_second_units(int liveSeconds, long units) =>
        Assert.Equal(units, _meter.UnitsDue(TimeSpan.FromSeconds(liveSeconds)));

    [Fact]
    public void Unit_is_not_due_a_tick_before_three_seconds() =>
        Assert.Equal(0, _meter.UnitsDue(TimeSpan.FromSeconds(3) - TimeSpan.FromTicks(1)));

    [Fact]
    public void Negative_live_time_owes_nothing() =>
        Assert.Equal(0, _meter.UnitsDue(TimeSpan.FromSeconds(-9)));

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 9)]
    [InlineData(300, 1797)]
    public void Unit_k_is_due_at_six_k_minus_three_seconds(long unit, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), _meter.DueAt(unit));

    [Fact]
    public void Units_due_is_round_half_up_of_live_over_unit_for_any_live_time() =>
        Gen.Long[0, TimeSpan.FromDays(30).Ticks].Sample(ticks =>
        {
            var unit = TimeSpan.FromSeconds(6).Ticks;

            // Round half up of ticks / unit, written independently of the meter.
            var expected = (ticks / unit) + ((ticks % unit) * 2 >= unit ? 1 : 0);
            return _meter.UnitsDue(TimeSpan.FromTicks(ticks)) == expected;
        });

    [Fact]
    public void Unit_is_due_exactly_when_the_count_reaches_it() =>
        Gen.Long[1, 1_000_000].Sample(k =>
            _meter.UnitsDue(_meter.DueAt(k)) == k && _meter.UnitsDue(_meter.DueAt(k) - TimeSpan.FromTicks(1)) == k - 1);

    [Fact]
    public void Seed_unit_splits_into_five_thousand_to_the_platform_and_fifteen_thousand_to_the_seller()
    {
        var split = UnitSplit.Of(new TokenRate(20), 2500);

        Assert.Equal(new UnitSplit(new Micros(20_000), new Micros(5_000), new Micros(15_000)), split);
    }

    [Fact]
    public void Odd_rate_commission_is_rounded_down_for_the_platform()
    {
        var split = UnitSplit.Of(new TokenRate(13), 2500);

        Assert.Equal(new Micros(13_000), split.Price);
        Assert.Equal(new Micros(3_250), split.Platform);
        Assert.Equal(new Micros(9_750), split.Seller);
    }

    [Fact]
    public void One_token_a_minute_at_3333_basis_points_gives_the_remainder_to_the_seller()
    {
        var split = UnitSplit.Of(new TokenRate(1), 3333);

        Assert.Equal(new Micros(333), split.Platform); // 1,000 × 0.3333 = 333.3, rounded down
        Assert.Equal(new Micros(667), split.Seller);
    }

    [Fact]
    public void Split_neither_creates_nor_loses_money_for_every_rate_and_commission()
    {
        int[] basisPoints = [0, 1, 999, 2500, 3333, 6667, 9999, 10_000];
        for (var rate = 1; rate <= 500; rate++)
        {
            foreach (var bps in basisPoints)
            {
                var split = UnitSplit.Of(new TokenRate(rate), bps);
                Assert.Equal(split.Price, split.Platform + split.Seller);
                Assert.False(split.Platform.IsNegative || split.Seller.IsNegative);
            }
        }
    }

    [Fact]
    public void Split_platform_share_is_the_floor_of_the_commission_for_any_rate_and_commission() =>
        Gen.Select(Gen.Int[1, 500], Gen.Int[0, 10_000]).Sample((rate, bps) =>
        {
            var split = UnitSplit.Of(new TokenRate(rate), bps);
            var exact = split.Price.Value * bps; // platform × 10,000 must lie in (exact − 10,000, exact]
            return split.Platform + split.Seller == split.Price
                && split.Platform.Value * 10_000 <= exact
                && exact < (split.Platform.Value + 1) * 10_000;
        });

    [Fact]
    public void Split_rejects_commission_over_one_hundred_percent() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitSplit.Of(new TokenRate(20), 10_001));
}
