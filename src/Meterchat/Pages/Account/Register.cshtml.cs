using System.ComponentModel.DataAnnotations;
using Meterchat.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Meterchat.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(AuthRateLimitPolicy.Name)]
public sealed class RegisterModel(SignUp signUp, IOptions<AccountsOptions> options) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Choose a password."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty]
    [Display(Name = "I am 18 or older")]
    public bool ConfirmAdult { get; set; }

    public int PasswordMinLength => options.Value.PasswordMinLength;

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? RedirectToPage("Index") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ConfirmAdult)
        {
            ModelState.AddModelError(nameof(ConfirmAdult), AuthProblems.NotAdultDetail);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // New or taken address, the page goes on the same way (no sign-in yet): it must not tell who is a member.
        var result = await signUp.RunAsync(new SignUpRequest(Email, Password, ConfirmAdult));
        if (result.Accepted)
        {
            TempData["SignedUpEmail"] = Email.Trim();
            return RedirectToPage("CheckEmail");
        }

        if (result.Errors is { } errors)
        {
            foreach (var (field, messages) in errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field == "password" ? nameof(Password) : nameof(Email), message);
                }
            }
        }
        else
        {
            ModelState.AddModelError(result.ProblemType == AuthProblems.NotAdult ? nameof(ConfirmAdult) : nameof(Email), result.Detail ?? "Sign-up failed.");
        }

        return Page();
    }
}
