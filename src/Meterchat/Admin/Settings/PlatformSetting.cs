namespace Meterchat.Admin.Settings;

/// <summary>
/// One operator override of a configuration value (e.g. <c>Meter:CommissionBasisPoints</c> = <c>2000</c>), stored
/// in the configuration's own format. Absent = the configured default applies.
/// </summary>
public sealed class PlatformSetting
{
    /// <summary>The configuration key, e.g. "Withdrawals:PlatformFee".</summary>
    public required string Key { get; set; }

    public required string Value { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The admin's email.</summary>
    public required string UpdatedBy { get; set; }
}
