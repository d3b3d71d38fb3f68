using System.ComponentModel.DataAnnotations;
using Meterchat.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Meterchat.Pages.Account;

/// <summary>The target of the reset link: choose a new password. Works in any browser, signed in or not.</summary>
[AllowAnonymous]
[EnableRateLimiting(AuthRateLimitPolicy.Name)]
public sealed class ResetPasswordModel(PasswordReset reset, IOptions<AccountsOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty, Required(ErrorMessage = "Choose a new password."), DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";

    [BindProperty, DataType(DataType.Password), Compare(nameof(NewPassword), ErrorMessage = "The two passwords differ.")]
    public string ConfirmPassword { get; set; } = "";

    public bool Done { get; private set; }

    public int PasswordMinLength => options.Value.PasswordMinLength;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        foreach (var error in await reset.ResetAsync(UserId, Code, NewPassword))
        {
            ModelState.AddModelError(string.Empty, error);
        }

        Done = ModelState.IsValid;
        return Page();
    }
}
