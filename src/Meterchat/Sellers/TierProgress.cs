namespace Meterchat.Sellers;

/// <summary>
/// Where a seller stands: their tier and rate cap, and what the next tier needs (null at the top). The rating is the
/// Bayesian average in hundredths of a star, as browse shows it.
/// </summary>
public sealed record TierProgress(
    Tier Tier,
    int CapTokensPerMinute,
    int RatedChats,
    int RatingCentis,
    Tier? NextTier,
    int? NextCapTokensPerMinute,
    int? NextRatedChats,
    int? NextRatingCentis)
{
    /// <summary>Rated chats still missing for the next tier (0 when there are enough).</summary>
    public int? RatedChatsToGo => NextRatedChats is { } need ? Math.Max(0, need - RatedChats) : null;
}
