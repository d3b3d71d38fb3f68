using Meterchat.Accounts;
using Meterchat.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Meterchat.Pages.Account;

[EnableRateLimiting(AuthRateLimitPolicy.Name)]
public sealed class IndexModel(UserManager<AppUser> users, EmailVerification verification) : PageModel
{
    public AppUser CurrentUser { get; private set; } = null!;

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public bool OutboxShown => AccountsFeature.IsOutboxShown(HttpContext.RequestServices);

    [FromQuery(Name = "verify")]
    public string? Verify { get; set; }

    public bool VerifyRequired => Verify == "required";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        CurrentUser = user;
        Roles = [.. await users.GetRolesAsync(user)];
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!user.EmailConfirmed)
        {
            await verification.SendAsync(user);
            TempData["Status"] = $"We sent a new verification link to {user.Email}.";
        }

        return RedirectToPage();
    }
}
