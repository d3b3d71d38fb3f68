using System.ComponentModel.DataAnnotations;
using Meterchat.Accounts;
using Meterchat.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Meterchat.Pages.Account;

[EnableRateLimiting(AuthRateLimitPolicy.Name)]
public sealed class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, StepUp stepUp, SecurityNotices notices, IOptions<AccountsOptions> options)
    : PageModel
{
    /// <summary>With two-factor on, the step-up also asks for a current code.</summary>
    [BindProperty]
    public string? Code { get; set; }

    public bool TwoFactorEnabled { get; private set; }

    [BindProperty, Required(ErrorMessage = "Enter your current password."), DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Choose a new password."), DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";

    public int PasswordMinLength => options.Value.PasswordMinLength;

    public async Task OnGetAsync() => TwoFactorEnabled = (await users.GetUserAsync(User))?.TwoFactorEnabled == true;

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        TwoFactorEnabled = user.TwoFactorEnabled;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await stepUp.CheckAsync(user, CurrentPassword, Code) is { } refused)
        {
            ModelState.AddModelError(refused.Type == AuthProblems.StepUpFailed && !refused.Detail.Contains("code", StringComparison.Ordinal) ? nameof(CurrentPassword) : string.Empty, refused.Detail);
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, CurrentPassword, NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(CurrentPassword) : nameof(NewPassword), error.Description);
            }

            return Page();
        }

        await notices.PasswordChangedAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = "Your password is changed.";
        return RedirectToPage("Index");
    }
}
