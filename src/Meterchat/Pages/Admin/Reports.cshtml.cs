using Meterchat.Accounts;
using Meterchat.Admin;
using Meterchat.Admin.Moderation;
using Meterchat.Audit;
using Meterchat.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meterchat.Pages.Admin;

/// <summary>The reports queue: open first; dismiss, mark actioned, or ban the reported person from here.</summary>
[Authorize(Policy = AccountPolicies.Admin)]
public sealed class ReportsModel(ReportQueue queue) : PageModel
{
    public IReadOnlyList<QueuedReport> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await queue.ListAsync(ct: ct);

    public async Task<IActionResult> OnPostDismissAsync(long id, string? note, CancellationToken ct) =>
        Done(await queue.DismissAsync(AdminActor.From(User), id, note, ct), $"Report {id} dismissed.");

    public async Task<IActionResult> OnPostActAsync(long id, string? note, bool ban, CancellationToken ct) =>
        Done(await queue.ActAsync(AdminActor.From(User), id, note, ban, ct), ban ? $"Report {id} actioned; the reported person is banned." : $"Report {id} marked actioned.");

    private RedirectToPageResult Done(Problem? problem, string success)
    {
        TempData["Status"] = problem?.Detail ?? success;
        return RedirectToPage();
    }
}
