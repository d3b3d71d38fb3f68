using System.Text.Json;
using Meterchat.Audit;
using Meterchat.Data;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Admin.Settings;

/// <summary>
/// Reads and changes the operator's settings. A change is validated as a whole with the owning options classes'
/// own validators, then stored with one audit row per changed key in ONE transaction, then applied to this node's
/// configuration at once (other nodes pick it up on their next poll).
/// </summary>
public sealed class PlatformSettings(
    AppDbContext db,
    AdminAuditLog audit,
    AuditLogQuery auditLog,
    IConfiguration configuration,
    PlatformSettingsConfiguration overrides,
    PlatformSettingsRefresher refresher,
    IServiceProvider services,
    TimeProvider time)
{
    public const string ChangeAction = "settings.change";
    private const int HistorySize = 50;

    public async Task<SettingsView> ViewAsync(CancellationToken ct = default)
    {
        var rows = await db.Set<PlatformSetting>().AsNoTracking().ToDictionaryAsync(r => r.Key, StringComparer.OrdinalIgnoreCase, ct);
        var settings = SettingsCatalog.All.Select(d =>
        {
            rows.TryGetValue(d.Key, out var row);
            return new SettingView(d.Key, d.Label, d.UnitName, d.Display(DefaultOf(d)), d.Display(configuration[d.Key] ?? d.CodeDefault()),
                row is not null, d.TakesEffect, row?.UpdatedAt, row?.UpdatedBy);
        }).ToList();

        var history = await auditLog.RunAsync(new AuditLogFilter(Action: ChangeAction, Limit: HistorySize), ct);
        return new SettingsView(settings, [.. history.Rows.Select(ToChange)]);
    }

    public async Task<SettingsChangeResult> ChangeAsync(AdminActor actor, SettingsChange change, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var stored = new Dictionary<SettingDefinition, string?>();
        foreach (var (key, input) in change.Values ?? [])
        {
            if (SettingsCatalog.Find(key) is not { } definition)
            {
                Add(errors, key, $"'{key}' is not a setting the console changes.");
            }
            else if (string.IsNullOrWhiteSpace(input))
            {
                stored[definition] = null;
            }
            else if (definition.TryStore(input, out var value, out var error))
            {
                stored[definition] = value;
            }
            else
            {
                Add(errors, definition.Key, error!);
            }
        }

        if (stored.Count == 0 && errors.Count == 0)
        {
            Add(errors, "values", "Nothing to change.");
        }

        if (stored.Count > 0)
        {
            // The candidate: today's configuration with the new values on top (a reset puts the default back).
            var candidate = new ConfigurationBuilder()
                .AddConfiguration(configuration, shouldDisposeConfiguration: false)
                .AddInMemoryCollection(stored.Select(s => KeyValuePair.Create(s.Key.Key, (string?)(s.Value ?? DefaultOf(s.Key)))))
                .Build();
            foreach (var section in stored.Keys.GroupBy(d => d.OptionsType))
            {
                foreach (var failure in section.First().Validate(services, candidate))
                {
                    Add(errors, section.First().Section, failure);
                }
            }
        }

        if (errors.Count > 0)
        {
            return new SettingsChangeResult(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }

        var now = time.GetUtcNow();
        var rows = await db.Set<PlatformSetting>().AsNoTracking().ToDictionaryAsync(r => r.Key, StringComparer.OrdinalIgnoreCase, ct);
        // Each row changes only from the value read here, in one transaction with the audit rows: of two changes at
        // once (a double-click, two admins) the second finds the row changed, or already there, and saves nothing.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var raced = false;
        foreach (var (definition, value) in stored)
        {
            rows.TryGetValue(definition.Key, out var row);
            if (value is not null && row?.Value == value)
            {
                continue; // already so (a repeated click): nothing to change or audit
            }

            var before = configuration[definition.Key] ?? definition.CodeDefault();
            var after = value ?? DefaultOf(definition);
            var key = definition.Key;
            if (row is not null)
            {
                var read = row.Value;
                var unchanged = db.Set<PlatformSetting>().Where(r => r.Key == key && r.Value == read);
                raced |= (value is null
                    ? await unchanged.ExecuteDeleteAsync(ct)
                    : await unchanged.ExecuteUpdateAsync(u => u.SetProperty(r => r.Value, value).SetProperty(r => r.UpdatedAt, now).SetProperty(r => r.UpdatedBy, actor.Email), ct)) == 0;
            }
            else if (value is not null)
            {
                db.Add(new PlatformSetting { Key = key, Value = value, UpdatedAt = now, UpdatedBy = actor.Email });
            }

            audit.Add(actor, ChangeAction, $"setting:{definition.Key}", change.Reason ?? "", new
            {
                key = definition.Key,
                from = definition.Display(before),
                to = definition.Display(after),
                unit = definition.UnitName,
                reset = value is null,
            });
        }

        try
        {
            if (!raced)
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
        }
        catch (DbUpdateException)
        {
            raced = true; // a new override of the same key was inserted by the other change
        }

        if (raced)
        {
            db.ChangeTracker.Clear();
            return new SettingsChangeResult(null, new Dictionary<string, string[]>
            {
                ["values"] = ["Another change of these settings was saved at the same moment; nothing of this one was saved. Reload and check the values."],
            })
            { Conflicted = true };
        }

        await refresher.RefreshAsync(ct);
        return new SettingsChangeResult(await ViewAsync(ct), null);
    }

    /// <summary>The value without the operator's override: the last other configuration source that sets it, else the code.</summary>
    private string DefaultOf(SettingDefinition definition)
    {
        if (configuration is IConfigurationRoot root)
        {
            foreach (var provider in root.Providers.Reverse())
            {
                if (!ReferenceEquals(provider, overrides) && provider.TryGet(definition.Key, out var value) && value is not null)
                {
                    return value;
                }
            }
        }

        return definition.CodeDefault();
    }

    private static SettingChangeView ToChange(AdminAction a)
    {
        string? key = null, from = null, to = null;
        if (a.Details is { } details)
        {
            using var json = JsonDocument.Parse(details);
            key = Read(json.RootElement, "key");
            from = Read(json.RootElement, "from");
            to = Read(json.RootElement, "to");
        }

        return new SettingChangeView(a.At, a.ActorEmail, key ?? a.Target, from, to, a.Reason);
    }

    private static string? Read(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static void Add(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = [];
        }

        list.Add(message);
    }
}
