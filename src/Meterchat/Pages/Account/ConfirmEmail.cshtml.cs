using Meterchat.Accounts;
using Meterchat.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meterchat.Pages.Account;

/// <summary>The target of the verification link; works signed in or not (the link may open in another browser).</summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(EmailVerification verification, UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code, string? changedEmail)
    {
        Confirmed = await verification.ConfirmAsync(userId, code, changedEmail);
        if (Confirmed && await users.GetUserAsync(User) is { } current && current.Id == userId)
        {
            await signIn.RefreshSignInAsync(current);
        }
    }
}
