namespace Meterchat.Trust.Ratings;

public sealed record RateInput(int? Stars, string? Comment);

public sealed record ReplyInput(string? Text);

/// <summary>A review as buyers see it on the seller's page (the buyer is not named).</summary>
public sealed record ReviewView(Guid SessionId, int Stars, string? Comment, DateTimeOffset CreatedAt, string? Reply, DateTimeOffset? RepliedAt)
{
    public static ReviewView Of(Rating r) => new(r.SessionId, r.Stars, r.Comment, r.CreatedAt, r.Reply, r.RepliedAt);
}

/// <summary>A seller's rating summary and latest reviews.</summary>
public sealed record SellerReviews(string SellerId, string Rating, int RatingCentis, int RatingCount, IReadOnlyList<ReviewView> Reviews);
