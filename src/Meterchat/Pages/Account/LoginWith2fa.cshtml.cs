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

/// <summary>Second step of a sign-in when the account has two-factor on: the password was right, the code is asked.</summary>
[AllowAnonymous]
[EnableRateLimiting(AuthRateLimitPolicy.Name)]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, IOptions<AccountsOptions> options) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the code from your app.")]
    public string Code { get; set; } = "";

    [BindProperty]
    [Display(Name = "Remember this device")]
    public bool RememberMachine { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

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

        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, RememberMachine);
        if (result.Succeeded)
        {
            return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
        }

        ModelState.AddModelError(string.Empty, result switch
        {
            { IsLockedOut: true } => AuthProblems.LockedOutDetail(options.Value.LockoutMinutes),
            { IsNotAllowed: true } => AuthProblems.BannedDetail,
            _ => "That code is not right. Codes change every 30 seconds: try the current one.",
        });
        return Page();
    }
}
