namespace Meterchat.Admin.Settings;

/// <summary>The settings after a change, or the reasons it was refused (by setting key or options section).</summary>
public sealed record SettingsChangeResult(SettingsView? View, IReadOnlyDictionary<string, string[]>? Errors)
{
    public bool Succeeded => Errors is null;

    /// <summary>Refused because another change of the same settings was saved meanwhile (nothing of this one was).</summary>
    public bool Conflicted { get; init; }
}
