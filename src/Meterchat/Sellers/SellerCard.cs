namespace Meterchat.Sellers;

/// <summary>
/// A seller as browse shows them. Rating is the Bayesian average in stars with two decimals; <see cref="Tier"/> is their
/// reputation tier with its rate cap and what the next tier needs.
/// </summary>
public sealed record SellerCard(
    string Id, string DisplayName, string Bio, int RateTokensPerMinute, string Rating, int RatingCount,
    IReadOnlyList<string> Tags, IReadOnlyList<string> Languages, string Presence, string? PhotoUrl, bool AutoAccept, DateTimeOffset CreatedAt,
    TierProgress Tier);
