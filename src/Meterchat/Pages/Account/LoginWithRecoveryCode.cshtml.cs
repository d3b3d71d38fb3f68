using System.ComponentModel.DataAnnotations;
using Meterchat.Accounts;
using Meterchat.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Meterchat.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(AuthRateLimitPolicy.Name)]
public sealed class LoginWithRecoveryCodeModel(SignInManager<AppUser> signIn, IOptions<AccountsOptions> options) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter one of your recovery codes.")]
    public string RecoveryCode { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
        }

        ModelState.AddModelError(string.Empty, result switch
        {
            { IsLockedOut: true } => AuthProblems.LockedOutDetail(options.Value.LockoutMinutes),
            { IsNotAllowed: true } => AuthProblems.BannedDetail,
            _ => "That recovery code is not valid (each code works once).",
        });
        return Page();
    }
}
