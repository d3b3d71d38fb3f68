namespace Meterchat.Admin.Settings;

/// <summary>
/// The configuration provider of the operator's overrides, added last so it wins over appsettings and the
/// environment. It holds what <see cref="PlatformSettingsRefresher"/> last read from the database; a change fires
/// the configuration's reload token, so every <c>IOptionsMonitor&lt;T&gt;</c> sees the new values.
/// </summary>
public sealed class PlatformSettingsConfiguration : ConfigurationProvider, IConfigurationSource
{
    private readonly Lock _lock = new();

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    /// <summary>Replaces the overrides; fires a reload only when something changed.</summary>
    public void Apply(IReadOnlyDictionary<string, string> overrides)
    {
        lock (_lock)
        {
            if (overrides.Count == Data.Count
                && overrides.All(o => Data.TryGetValue(o.Key, out var v) && string.Equals(v, o.Value, StringComparison.Ordinal)))
            {
                return;
            }

            Data = overrides.ToDictionary(o => o.Key, string? (o) => o.Value, StringComparer.OrdinalIgnoreCase);
        }

        OnReload();
    }
}
