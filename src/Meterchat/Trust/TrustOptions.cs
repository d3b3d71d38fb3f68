using System.ComponentModel.DataAnnotations;

namespace Meterchat.Trust;

/// <summary>Disputes, ratings and tips (PRODUCT.md §7), bound from the "Trust" section and validated on start.</summary>
public sealed class TrustOptions
{
    public const string SectionName = "Trust";
    public const int MaxDisputeText = 4000;
    public const int MaxNote = 2000;

    /// <summary>How long after a session ended either party may open a dispute (e.g. "3.00:00:00" = 72 h).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan DisputeWindow { get; set; } = TimeSpan.FromHours(72);

    /// <summary>How long after a session ended the buyer may still tip.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan TipWindow { get; set; } = TimeSpan.FromHours(72);

    /// <summary>The smallest tip, in whole tokens.</summary>
    [Range(1, 1_000_000)]
    public int MinTipTokens { get; set; } = 1;

    /// <summary>The largest tip, in whole tokens.</summary>
    [Range(1, 10_000_000)]
    public int MaxTipTokens { get; set; } = 10_000;

    /// <summary>C in the Bayesian average (C·m + Σstars)/(C + n): how many prior ratings the prior weighs.</summary>
    [Range(0, 1000)]
    public int RatingPriorWeight { get; set; } = 5;

    /// <summary>m in the Bayesian average, in hundredths of a star (400 = 4.00).</summary>
    [Range(100, 500)]
    public int RatingPriorCentis { get; set; } = 400;

    [Range(0, 10_000)]
    public int MaxRatingComment { get; set; } = 1000;

    [Range(1, 10_000)]
    public int MaxRatingReply { get; set; } = 1000;

    /// <summary>How many reviews a seller's page shows.</summary>
    [Range(1, 200)]
    public int ReviewsShown { get; set; } = 20;

    /// <summary>A window for people: "72 hours", "10 minutes".</summary>
    public static string Describe(TimeSpan window) =>
        window.TotalHours >= 1 && window.Ticks % TimeSpan.TicksPerHour == 0 ? $"{(long)window.TotalHours} hours" : $"{(long)Math.Ceiling(window.TotalMinutes)} minutes";
}
