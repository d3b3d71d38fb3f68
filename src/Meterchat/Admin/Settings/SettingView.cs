namespace Meterchat.Admin.Settings;

/// <summary>One setting as the console shows it. Values are in <see cref="Unit"/> (money in USDT).</summary>
public sealed record SettingView(
    string Key,
    string Label,
    string Unit,
    string Default,
    string Current,
    bool Overridden,
    string TakesEffect,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy);
