namespace Meterchat.Sellers;

/// <summary>A seller as browse shows them. Rating is the Bayesian average in stars with two decimals.</summary>
public sealed record SellerCard(
    string Id, string DisplayName, string Bio, int RateTokensPerMinute, string Rating, int RatingCount,
    IReadOnlyList<string> Tags, IReadOnlyList<string> Languages, string Presence, string? PhotoUrl, bool AutoAccept, DateTimeOffset CreatedAt);
