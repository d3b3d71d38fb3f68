using Meterchat.Accounts;
using Meterchat.Admin.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meterchat.Pages.Admin.Users;

/// <summary>Find users by email; only banned, flagged or sellers.</summary>
[Authorize(Policy = AccountPolicies.Admin)]
public sealed class IndexModel(UserDirectory directory) : PageModel
{
    public UserFilter Filter { get; private set; } = new();

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(string? email, bool banned, bool flagged, bool sellers, CancellationToken ct)
    {
        Filter = new UserFilter(email, banned, flagged, sellers);
        Rows = await directory.SearchAsync(Filter, ct);
    }
}
