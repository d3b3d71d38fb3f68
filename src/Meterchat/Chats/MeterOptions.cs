using System.ComponentModel.DataAnnotations;
using Meterchat.Ledger;

namespace Meterchat.Chats;

/// <summary>
/// The meter's numbers (PRODUCT.md §5), bound from the "Meter" configuration section and validated on start.
/// Every other piece of code reads them from here, so each number is written once.
/// </summary>
public sealed class MeterOptions : IValidatableObject
{
    public const string SectionName = "Meter";

    /// <summary>Length of one billing unit. <see cref="TokenRate.UnitPrice"/> prices a unit as 0.1 minute, so it must be 6.</summary>
    [Range(1, 60)]
    public int UnitSeconds { get; set; } = 6;

    /// <summary>Platform commission on every unit, in basis points (2500 = 25 %).</summary>
    [Range(0, UnitSplit.BasisPointsPerWhole)]
    public int CommissionBasisPoints { get; set; } = 2500;

    /// <summary>How long an unclean drop may last before the session ends.</summary>
    [Range(1, 3600)]
    public int ReconnectGraceSeconds { get; set; } = 60;

    /// <summary>How long after acceptance the media may take to come up before the session fails.</summary>
    [Range(1, 3600)]
    public int ConnectTimeoutSeconds { get; set; } = 60;

    /// <summary>A party whose client has not reported for this long counts as dropped (clients report every 2 s).</summary>
    [Range(1, 300)]
    public int HeartbeatTimeoutSeconds { get; set; } = 6;

    /// <summary>A session lost to a failure before this much live time is refunded in full.</summary>
    [Range(0, 3600)]
    public int AutoRefundLiveSeconds { get; set; } = 30;

    /// <summary>The buyer is warned when the wallet or the spending limit has this much live time left.</summary>
    [Range(0, 3600)]
    public int WarningSeconds { get; set; } = 60;

    public TimeSpan UnitLength => TimeSpan.FromSeconds(UnitSeconds);

    public TimeSpan ReconnectGrace => TimeSpan.FromSeconds(ReconnectGraceSeconds);

    public TimeSpan ConnectTimeout => TimeSpan.FromSeconds(ConnectTimeoutSeconds);

    public TimeSpan HeartbeatTimeout => TimeSpan.FromSeconds(HeartbeatTimeoutSeconds);

    public TimeSpan AutoRefundLiveTime => TimeSpan.FromSeconds(AutoRefundLiveSeconds);

    public TimeSpan Warning => TimeSpan.FromSeconds(WarningSeconds);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The unit price lives in TokenRate (rate × 1,000 µUSDT = a tenth of the per-minute price);
        // a different unit length would bill the wrong amount per unit, so the two must agree.
        const long UnitsPerMinute = Micros.PerToken / TokenRate.MicrosPerUnitPerToken;
        if (UnitSeconds * UnitsPerMinute != 60)
        {
            yield return new ValidationResult(
                $"UnitSeconds must be {60 / UnitsPerMinute}: TokenRate.UnitPrice prices a unit as 1/{UnitsPerMinute} minute.",
                [nameof(UnitSeconds)]);
        }
    }
}
