namespace Meterchat.Sellers;

/// <summary>A seller's public profile: price, description, presence as last pushed, and the fields browse sorts on.</summary>
public sealed class SellerProfile
{
    public required string UserId { get; set; }

    public required string DisplayName { get; set; }

    public string Bio { get; set; } = "";

    /// <summary>Whole tokens per minute; frozen into ChatTerms when a buyer requests.</summary>
    public int RateTokensPerMinute { get; set; }

    public bool AutoAccept { get; set; }

    /// <summary>The file name of the photo under the photo directory, or null.</summary>
    public string? PhotoFile { get; set; }

    public string? PhotoContentType { get; set; }

    /// <summary>Bayesian average in hundredths of a star (e.g. 420 = 4.20); the trust feature fills it.</summary>
    public int RatingCentis { get; set; } = SellersOptions.PriorRatingCentis;

    public int RatingCount { get; set; }

    /// <summary>What the seller chose; they are online only while their seller page is also connected.</summary>
    public bool WantsOnline { get; set; }

    /// <summary>The presence browse shows; written only on a change.</summary>
    public Presence Presence { get; set; } = Presence.Offline;

    /// <summary>Since when the seller has been free (online, not in a chat): quick match favours the longest idle.</summary>
    public DateTimeOffset IdleSince { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<SellerTag> Tags { get; set; } = [];
}
