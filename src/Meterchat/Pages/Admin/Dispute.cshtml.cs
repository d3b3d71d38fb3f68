using Meterchat.Accounts;
using Meterchat.Admin;
using Meterchat.Audit;
using Meterchat.Ledger;
using Meterchat.Trust.Disputes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meterchat.Pages.Admin;

/// <summary>One dispute: the chat's receipt and event log side by side, and the decision form.</summary>
[Authorize(Policy = AccountPolicies.Admin)]
public sealed class DisputeModel(Disputes disputes) : PageModel
{
    public DisputeDetail Detail { get; private set; } = null!;

    public string Money(long micros) => new Micros(micros).ToUsdtString();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await disputes.DetailAsync(id, ct) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, DisputeOutcome? outcome, string? amount, string? unit, string? note, CancellationToken ct)
    {
        var decided = await disputes.DecideAsync(id, AdminActor.From(User), new DecideDisputeInput(outcome, amount, unit, note), ct);
        if (decided.Problem is { } problem)
        {
            if (problem.Status == StatusCodes.Status404NotFound)
            {
                return NotFound();
            }

            ModelState.AddModelError(string.Empty, problem.Detail);
            return await OnGetAsync(id, ct);
        }

        TempData["Status"] = $"Dispute {id}: {decided.Value!.Status}.";
        return RedirectToPage(new { id });
    }
}
