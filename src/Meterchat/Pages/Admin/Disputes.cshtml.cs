using Meterchat.Accounts;
using Meterchat.Trust.Disputes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meterchat.Pages.Admin;

/// <summary>The disputes queue: open first.</summary>
[Authorize(Policy = AccountPolicies.Admin)]
public sealed class DisputesModel(Disputes disputes) : PageModel
{
    public IReadOnlyList<DisputeView> Disputes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Disputes = await disputes.ListAsync(ct);
}
