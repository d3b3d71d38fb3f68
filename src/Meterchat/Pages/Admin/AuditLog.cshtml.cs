using Meterchat.Accounts;
using Meterchat.Admin;
using Meterchat.Admin.Moderation;
using Meterchat.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meterchat.Pages.Admin;

/// <summary>Every admin action: who, what, to whom, when and why; filtered and paged.</summary>
[Authorize(Policy = AccountPolicies.Admin)]
public sealed class AuditLogModel(AuditLogQuery query) : PageModel
{
    public AuditLogFilter Filter { get; private set; } = new();

    public AuditLogPage Result { get; private set; } = new([], null);

    public async Task OnGetAsync(string? actor, string? action, string? target, long? before, CancellationToken ct)
    {
        Filter = new AuditLogFilter(actor, action, target, before);
        Result = await query.RunAsync(Filter, ct);
    }

    public string NextUrl(long before) =>
        $"?actor={Uri.EscapeDataString(Filter.Actor ?? "")}&action={Uri.EscapeDataString(Filter.Action ?? "")}&target={Uri.EscapeDataString(Filter.Target ?? "")}&before={before}";
}
