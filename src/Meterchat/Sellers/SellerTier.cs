namespace Meterchat.Sellers;

/// <summary>
/// The tier rule (PRODUCT.md §4), pure: a seller is Top with at least TopRatedChats rated chats and a rating of at least
/// TopRatingCentis, else Established with EstablishedRatedChats and EstablishedRatingCentis, else New. Each tier caps the
/// rate, never above the platform's MaxRate. Tiers follow the rating both ways (promotion and demotion).
/// </summary>
public static class SellerTier
{
    public static Tier Of(int ratedChats, int ratingCentis, SellersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ratedChats >= options.TopRatedChats && ratingCentis >= options.TopRatingCentis ? Tier.Top
            : ratedChats >= options.EstablishedRatedChats && ratingCentis >= options.EstablishedRatingCentis ? Tier.Established
            : Tier.New;
    }

    /// <summary>The highest rate a seller of <paramref name="tier"/> may set.</summary>
    public static int CapOf(Tier tier, SellersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cap = tier switch
        {
            Tier.Top => options.TopMaxRate,
            Tier.Established => options.EstablishedMaxRate,
            _ => options.NewMaxRate,
        };
        return Math.Min(cap, options.MaxRate);
    }

    public static int CapOf(int ratedChats, int ratingCentis, SellersOptions options) => CapOf(Of(ratedChats, ratingCentis, options), options);

    public static TierProgress Progress(int ratedChats, int ratingCentis, SellersOptions options)
    {
        var tier = Of(ratedChats, ratingCentis, options);
        Tier? next = tier switch { Tier.New => Tier.Established, Tier.Established => Tier.Top, _ => null };
        return new TierProgress(
            tier,
            CapOf(tier, options),
            ratedChats,
            ratingCentis,
            next,
            next is { } n ? CapOf(n, options) : null,
            next switch { Tier.Established => options.EstablishedRatedChats, Tier.Top => options.TopRatedChats, _ => null },
            next switch { Tier.Established => options.EstablishedRatingCentis, Tier.Top => options.TopRatingCentis, _ => null });
    }
}
