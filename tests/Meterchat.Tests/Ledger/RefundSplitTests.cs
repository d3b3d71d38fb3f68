using CsCheck;
using Meterchat.Ledger;

namespace Meterchat.Tests.Ledger;

public sealed class RefundSplitTests
{
    private const string Buyer = "buyer";
    private const string Seller = "seller";

    [Fact]
    public void A_full_refund_returns_exactly_each_share()
    {
        var split = RefundSplit.Of(new Micros(200_000), new Micros(150_000), new Micros(50_000), new Micros(1_000_000));

        Assert.Equal((new Micros(150_000), new Micros(50_000), Micros.Zero), (split.FromSeller, split.FromPlatform, split.FromLosses));
    }

    [Fact]
    public void The_platform_part_is_rounded_down_and_the_seller_part_takes_the_remainder()
    {
        // 7 of 30 µUSDT where the platform got 10: 7 × 10 / 30 = 2.33 → 2; the seller's part is 5.
        var split = RefundSplit.Of(new Micros(7), new Micros(20), new Micros(10), new Micros(100));

        Assert.Equal((new Micros(5), new Micros(2), Micros.Zero), (split.FromSeller, split.FromPlatform, split.FromLosses));
    }

    [Fact]
    public void What_the_earnings_cannot_cover_comes_from_losses()
    {
        var split = RefundSplit.Of(new Micros(200_000), new Micros(150_000), new Micros(50_000), new Micros(40_000));

        Assert.Equal((new Micros(40_000), new Micros(50_000), new Micros(110_000)), (split.FromSeller, split.FromPlatform, split.FromLosses));
        Assert.Contains(split.Legs(Buyer, Seller), l => l.Account == AccountRef.PlatformLosses && l.Amount == new Micros(-110_000));
    }

    [Fact]
    public void A_refund_beyond_what_was_charged_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RefundSplit.Of(new Micros(3), new Micros(1), new Micros(1), Micros.Zero));
    }

    [Fact]
    public void Any_refund_balances_to_zero_and_never_takes_more_than_the_earnings_hold_or_each_party_got()
    {
        var gen = from seller in Gen.Long[0, 10_000_000_000]
                  from platform in Gen.Long[0, 10_000_000_000]
                  from refund in Gen.Long[0, seller + platform]
                  from earnings in Gen.Long[-5, 20_000_000_000]
                  select (seller, platform, refund, earnings);
        gen.Sample(t =>
        {
            var split = RefundSplit.Of(new Micros(t.refund), new Micros(t.seller), new Micros(t.platform), new Micros(t.earnings));
            Assert.Equal(new Micros(t.refund), split.FromSeller + split.FromPlatform + split.FromLosses);
            Assert.False(split.FromSeller.IsNegative || split.FromPlatform.IsNegative || split.FromLosses.IsNegative);
            Assert.True(split.FromSeller.Value <= Math.Max(t.earnings, 0));
            Assert.True(split.FromPlatform.Value <= t.platform);
            Assert.True((split.FromSeller + split.FromLosses).Value <= t.seller);
            if (t.refund > 0)
            {
                var request = new TransferRequest("k", TransferKind.DisputeRefund, split.Legs(Buyer, Seller));
                Assert.Null(request.Problem());
            }
        });
    }

    [Fact]
    public void Refunds_in_parts_never_return_more_than_a_full_refund_would_take_from_the_platform()
    {
        Gen.Select(Gen.Long[1, 1_000_000], Gen.Int[0, 10_000], Gen.Long[0, 1_000_000]).Sample((price, bps, cut) =>
        {
            var platform = price * bps / 10_000;
            var first = Math.Min(cut, price);
            var a = RefundSplit.Of(new Micros(first), new Micros(price - platform), new Micros(platform), new Micros(long.MaxValue / 4));
            var b = RefundSplit.Of(new Micros(price - first), new Micros(price - platform), new Micros(platform), new Micros(long.MaxValue / 4));
            Assert.True((a.FromPlatform + b.FromPlatform).Value <= platform);
            Assert.Equal(new Micros(price), a.Refund + b.Refund);
        });
    }
}
