namespace Meterchat.Admin.Settings;

/// <summary>One change from the audit log: who set what from which value to which, and why.</summary>
public sealed record SettingChangeView(DateTimeOffset At, string By, string Key, string? From, string? To, string Reason);
