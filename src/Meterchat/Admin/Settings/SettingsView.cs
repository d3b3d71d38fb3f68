namespace Meterchat.Admin.Settings;

/// <summary>Every setting with its default and current value, and the latest changes (newest first).</summary>
public sealed record SettingsView(IReadOnlyList<SettingView> Settings, IReadOnlyList<SettingChangeView> History);
