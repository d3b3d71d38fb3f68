using Meterchat.Accounts;
using Meterchat.Hosting.Health;
using Meterchat.Observability;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meterchat.Pages.Admin;

/// <summary>Health and key figures for operators without Grafana; the page refreshes itself from <c>/api/admin/system</c>.</summary>
[Authorize(Policy = AccountPolicies.Admin)]
public sealed class SystemModel(SystemStatus status) : PageModel
{
    public SystemStatusView? View { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => View = await status.ReadAsync(ct);
}
