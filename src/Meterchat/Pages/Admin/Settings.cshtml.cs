using Meterchat.Accounts;
using Meterchat.Admin;
using Meterchat.Admin.Settings;
using Meterchat.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meterchat.Pages.Admin;

/// <summary>The operator's settings: each with its default, current value and unit; change, reset, and the history.</summary>
[Authorize(Policy = AccountPolicies.Admin)]
public sealed class SettingsModel(PlatformSettings settings) : PageModel
{
    public SettingsView View { get; private set; } = null!;

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>What the admin typed, shown again when the change was refused.</summary>
    public Dictionary<string, string> Typed { get; } = new(StringComparer.OrdinalIgnoreCase);

    public async Task OnGetAsync(CancellationToken ct) => View = await settings.ViewAsync(ct);

    /// <summary>Sends only the values that differ from the current ones: the form posts every row.</summary>
    public async Task<IActionResult> OnPostAsync(List<string> key, List<string> value, string? reason, CancellationToken ct)
    {
        View = await settings.ViewAsync(ct);
        var current = View.Settings.ToDictionary(s => s.Key, s => s.Current, StringComparer.OrdinalIgnoreCase);
        var changes = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Math.Min(key.Count, value.Count); i++)
        {
            Typed[key[i]] = value[i];
            if (!string.IsNullOrWhiteSpace(value[i]) && current.TryGetValue(key[i], out var now) && now != value[i].Trim())
            {
                changes[key[i]] = value[i];
            }
        }

        if (changes.Count == 0)
        {
            TempData["Status"] = "Nothing changed.";
            return RedirectToPage();
        }

        return await ApplyAsync(new SettingsChange(changes, reason), ct);
    }

    public async Task<IActionResult> OnPostResetAsync(string resetKey, string? reason, CancellationToken ct) =>
        await ApplyAsync(new SettingsChange(new() { [resetKey] = null }, reason), ct);

    private async Task<IActionResult> ApplyAsync(SettingsChange change, CancellationToken ct)
    {
        var result = await settings.ChangeAsync(AdminActor.From(User), change, ct);
        if (!result.Succeeded)
        {
            Errors = result.Errors!;
            View ??= await settings.ViewAsync(ct);
            return Page();
        }

        TempData["Status"] = $"Saved: {string.Join(", ", change.Values.Keys)}. It applies as each row says.";
        return RedirectToPage();
    }
}
