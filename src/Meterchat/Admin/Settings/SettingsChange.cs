namespace Meterchat.Admin.Settings;

/// <summary>
/// A change of one or more settings, keyed by configuration key, values in the setting's unit (money in USDT).
/// An empty or null value removes the override: the configured default applies again.
/// </summary>
public sealed record SettingsChange(Dictionary<string, string?> Values, string? Reason = null);
