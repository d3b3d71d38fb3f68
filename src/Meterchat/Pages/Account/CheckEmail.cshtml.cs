using Meterchat.Accounts;
using Meterchat.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Meterchat.Pages.Account;

/// <summary>Where sign-up lands (signed out: the same page for a new and a taken address), and where a signed-in unverified user asks again.</summary>
[AllowAnonymous]
[EnableRateLimiting(AuthRateLimitPolicy.Name)]
public sealed class CheckEmailModel(UserManager<AppUser> users, EmailVerification verification) : PageModel
{
    public string Email { get; private set; } = "";

    public bool SignedIn { get; private set; }

    public bool OutboxShown => AccountsFeature.IsOutboxShown(HttpContext.RequestServices);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            Email = TempData["SignedUpEmail"] as string ?? "";
            return Page();
        }

        SignedIn = true;

        if (user.EmailConfirmed)
        {
            return RedirectToPage("Index");
        }

        Email = user.Email!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!user.EmailConfirmed)
        {
            await verification.SendAsync(user);
            TempData["Status"] = "We sent the link again.";
        }

        return RedirectToPage();
    }
}
