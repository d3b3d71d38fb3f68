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
public sealed class LoginModel(SignInManager<AppUser> signIn, IOptions<AccountsOptions> options) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your email address.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your password."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty]
    [Display(Name = "Keep me signed in")]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginWith2fa", new { ReturnUrl, RememberMe });
        }

        ModelState.AddModelError(string.Empty, result switch
        {
            { IsLockedOut: true } => AuthProblems.LockedOutDetail(options.Value.LockoutMinutes),
            { IsNotAllowed: true } => AuthProblems.BannedDetail,
            _ => "Wrong email or password.",
        });
        return Page();
    }

    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
