using Meterchat.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Meterchat.Pages.Account;

/// <summary>
/// The "not you?" link mailed to the old address on an email change. Opening it only shows a button (mail scanners open
/// links); pressing it undoes the change.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AuthRateLimitPolicy.Name)]
public sealed class RevertEmailModel(EmailChange change) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public bool? Reverted { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync() => Reverted = await change.RevertAsync(UserId, Code);
}
