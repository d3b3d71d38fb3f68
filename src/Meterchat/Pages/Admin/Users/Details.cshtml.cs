using System.Text.Json;
using Meterchat.Accounts;
using Meterchat.Admin;
using Meterchat.Admin.Users;
using Meterchat.Audit;
using Meterchat.Trust.Fraud;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meterchat.Pages.Admin.Users;

/// <summary>One user for an admin: facts, balances, chats, withdrawals, reports, fraud flags with evidence, audit; ban, unban, clear a flag.</summary>
[Authorize(Policy = AccountPolicies.Admin)]
public sealed class DetailsModel(UserDirectory directory, Bans bans, FraudFlags flags) : PageModel
{
    public UserDossier Dossier { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await directory.FindAsync(id, ct) is not { } dossier)
        {
            return NotFound();
        }

        Dossier = dossier;
        return Page();
    }

    public async Task<IActionResult> OnPostBanAsync(string id, string? reason, CancellationToken ct) =>
        Done(id, (await bans.BanAsync(AdminActor.From(User), id, reason, ct))?.Detail ?? "Banned: sessions ended, sign-in blocked, withdrawals frozen.");

    public async Task<IActionResult> OnPostUnbanAsync(string id, string? reason, CancellationToken ct) =>
        Done(id, (await bans.UnbanAsync(AdminActor.From(User), id, reason, ct))?.Detail ?? "Unbanned. Frozen withdrawals stay in review.");

    public async Task<IActionResult> OnPostClearFlagAsync(string id, long flagId, string? reason, CancellationToken ct)
    {
        if (Meterchat.Admin.ModerationProblems.CheckReason(reason) is { } bad)
        {
            return Done(id, bad.Detail);
        }

        var cleared = await flags.ClearAsync(AdminActor.From(User), flagId, reason!, ct);
        return Done(id, cleared is null ? "That flag is not open." : $"Flag {flagId} ({cleared.Rule}) cleared.");
    }

    /// <summary>A flag's evidence as label/value pairs, readable without reading JSON.</summary>
    public static IEnumerable<(string Name, string Value)> Evidence(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            yield return ("evidence", json);
            yield break;
        }

        foreach (var p in doc.RootElement.EnumerateObject())
        {
            yield return (p.Name, p.Value.ValueKind == JsonValueKind.Array
                ? string.Join(", ", p.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()))
                : p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText());
        }
    }

    private RedirectToPageResult Done(string id, string status)
    {
        TempData["Status"] = status;
        return RedirectToPage(new { id });
    }
}
