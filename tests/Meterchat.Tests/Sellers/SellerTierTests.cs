using Meterchat.Sellers;

namespace Meterchat.Tests.Sellers;

public class SellerTierTests
{
    private static readonly SellersOptions Defaults = new();

    [Theory]
    [InlineData(0, 400, Tier.New, 20)]
    [InlineData(9, 500, Tier.New, 20)] // one rated chat short of Established
    [InlineData(10, 399, Tier.New, 20)] // rating just under 4.0
    [InlineData(10, 400, Tier.Established, 50)] // both thresholds exactly met
    [InlineData(49, 500, Tier.Established, 50)]
    [InlineData(50, 449, Tier.Established, 50)]
    [InlineData(50, 450, Tier.Top, 500)]
    [InlineData(5000, 500, Tier.Top, 500)]
    public void A_sellers_tier_and_cap_follow_rated_chats_and_rating(int ratedChats, int ratingCentis, Tier tier, int cap)
    {
        Assert.Equal(tier, SellerTier.Of(ratedChats, ratingCentis, Defaults));
        Assert.Equal(cap, SellerTier.CapOf(ratedChats, ratingCentis, Defaults));
    }

    [Fact]
    public void Promotion_and_demotion_follow_the_rating_both_ways()
    {
        Assert.Equal(Tier.New, SellerTier.Of(9, 480, Defaults));
        Assert.Equal(Tier.Established, SellerTier.Of(10, 480, Defaults)); // the tenth rated chat promotes
        Assert.Equal(Tier.Top, SellerTier.Of(50, 460, Defaults));
        Assert.Equal(Tier.Established, SellerTier.Of(51, 449, Defaults)); // a bad rating demotes
        Assert.Equal(Tier.New, SellerTier.Of(51, 399, Defaults));
    }

    [Fact]
    public void Progress_names_the_next_tier_and_what_it_needs()
    {
        var p = SellerTier.Progress(4, 420, Defaults);

        Assert.Equal((Tier.New, 20, Tier.Established, 50, 10, 400, 6), (p.Tier, p.CapTokensPerMinute, p.NextTier, p.NextCapTokensPerMinute, p.NextRatedChats, p.NextRatingCentis, p.RatedChatsToGo));
        Assert.Null(SellerTier.Progress(60, 470, Defaults).NextTier);
    }

    [Fact]
    public void A_tier_cap_never_exceeds_the_platforms_highest_rate_and_settings_change_the_caps()
    {
        var options = new SellersOptions { MaxRate = 300, NewMaxRate = 10, EstablishedMaxRate = 40, EstablishedRatedChats = 3 };

        Assert.Equal(300, SellerTier.CapOf(Tier.Top, options));
        Assert.Equal(10, SellerTier.CapOf(Tier.New, options));
        Assert.Equal(Tier.Established, SellerTier.Of(3, 400, options));
    }
}
