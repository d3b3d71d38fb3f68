using System.ComponentModel.DataAnnotations;

namespace Meterchat.Sellers;

/// <summary>Sellers' numbers (PRODUCT.md §4), bound from the "Sellers" section and validated on start.</summary>
public sealed class SellersOptions : IValidatableObject
{
    public const string SectionName = "Sellers";
    public const int PriorRatingCentis = 400;
    public const int MaxDisplayName = 60;
    public const int MaxBio = 2000;
    public const int MaxTagLength = 30;
    public const int MaxTags = 10;
    public const int MaxReason = 1000;

    [Range(1, 100_000)]
    public int MinRate { get; set; } = 1;

    [Range(1, 100_000)]
    public int MaxRate { get; set; } = 500;

    /// <summary>How long an anonymous browse page is served from memory (0: never); see <see cref="BrowseCache"/>.</summary>
    [Range(0, 60)]
    public int BrowseCacheSeconds { get; set; } = 3;

    /// <summary>Rate cap of a New seller (tokens/min; PRODUCT.md §4 tiers).</summary>
    [Range(1, 100_000)]
    public int NewMaxRate { get; set; } = 20;

    /// <summary>Rated chats an Established seller needs.</summary>
    [Range(0, 1_000_000)]
    public int EstablishedRatedChats { get; set; } = 10;

    /// <summary>Rating (Bayesian average, hundredths of a star) an Established seller needs: 400 = 4.0.</summary>
    [Range(100, 500)]
    public int EstablishedRatingCentis { get; set; } = 400;

    /// <summary>Rate cap of an Established seller.</summary>
    [Range(1, 100_000)]
    public int EstablishedMaxRate { get; set; } = 50;

    /// <summary>Rated chats a Top seller needs.</summary>
    [Range(0, 1_000_000)]
    public int TopRatedChats { get; set; } = 50;

    /// <summary>Rating a Top seller needs: 450 = 4.5.</summary>
    [Range(100, 500)]
    public int TopRatingCentis { get; set; } = 450;

    /// <summary>Rate cap of a Top seller (never above <see cref="MaxRate"/>).</summary>
    [Range(1, 100_000)]
    public int TopMaxRate { get; set; } = 500;

    /// <summary>How long the seller's page rings before the request expires.</summary>
    [Range(1, 600)]
    public int RingSeconds { get; set; } = 30;

    /// <summary>A seller whose page lost its connection stays online this long (a reload, a flaky network).</summary>
    [Range(0, 600)]
    public int OfflineGraceSeconds { get; set; } = 15;

    /// <summary>How many sellers one quick match rings before giving up.</summary>
    [Range(1, 20)]
    public int QuickMatchAttempts { get; set; } = 3;

    [Range(1, 20 * 1024 * 1024)]
    public int MaxPhotoBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Reports one person may file per hour; more answer 429 (a report costs a moderator's time).</summary>
    [Range(1, 1000)]
    public int ReportsPerHour { get; set; } = 10;

    /// <summary>Where photos are stored; relative paths are under the app's content root.</summary>
    public string PhotoDirectory { get; set; } = "data/photos";

    /// <summary>How often the sweep expires rings, applies the offline grace and frees sellers whose chat ended.</summary>
    [Range(100, 60_000)]
    public int SweepMilliseconds { get; set; } = 1000;

    public TimeSpan Ring => TimeSpan.FromSeconds(RingSeconds);

    public TimeSpan OfflineGrace => TimeSpan.FromSeconds(OfflineGraceSeconds);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinRate > MaxRate)
        {
            yield return new ValidationResult("MinRate must not exceed MaxRate.", [nameof(MinRate), nameof(MaxRate)]);
        }

        if (NewMaxRate < MinRate || NewMaxRate > EstablishedMaxRate || EstablishedMaxRate > TopMaxRate)
        {
            yield return new ValidationResult("Tier caps must rise from New to Top, and New's cap must allow the lowest rate.",
                [nameof(NewMaxRate), nameof(EstablishedMaxRate), nameof(TopMaxRate)]);
        }

        if (EstablishedRatedChats > TopRatedChats || EstablishedRatingCentis > TopRatingCentis)
        {
            yield return new ValidationResult("Top must need at least as many rated chats and as high a rating as Established.",
                [nameof(EstablishedRatedChats), nameof(TopRatedChats), nameof(EstablishedRatingCentis), nameof(TopRatingCentis)]);
        }
    }
}
