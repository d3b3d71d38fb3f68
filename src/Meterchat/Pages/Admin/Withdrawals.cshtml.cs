using Meterchat.Accounts;
using Meterchat.Admin;
using Meterchat.Audit;
using Meterchat.Withdrawals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meterchat.Pages.Admin;

/// <summary>The manual review queue: approve, or reject with a reason the seller sees.</summary>
[Authorize(Policy = AccountPolicies.Admin)]
public sealed class WithdrawalsModel(WithdrawalReview review) : PageModel
{
    public IReadOnlyList<Withdrawal> Queue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Queue = await review.QueueAsync(ct);

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct)
    {
        var (_, error) = await review.ApproveAsync(id, AdminActor.From(User), ct);
        TempData["Status"] = error?.Detail ?? $"Withdrawal {id} approved; the sender pays it on its next pass.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRejectAsync(long id, string? reason, CancellationToken ct)
    {
        var (_, error) = await review.RejectAsync(id, AdminActor.From(User), reason, ct);
        TempData["Status"] = error?.Detail ?? $"Withdrawal {id} rejected; the funds are back in the seller's earnings.";
        return RedirectToPage();
    }
}
