namespace Meterchat.Trust.Ratings;

/// <summary>The buyer's rating of one session (at most one per session) and the seller's one reply.</summary>
public sealed class Rating
{
    public Guid SessionId { get; set; }

    public required string BuyerId { get; set; }

    public required string SellerId { get; set; }

    /// <summary>1 to 5.</summary>
    public int Stars { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? Reply { get; set; }

    public DateTimeOffset? RepliedAt { get; set; }
}
