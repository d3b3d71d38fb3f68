using System.ComponentModel.DataAnnotations;
using Meterchat.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Meterchat.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(AuthRateLimitPolicy.Name)]
public sealed class ForgotPasswordModel(PasswordReset reset) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = "";

    /// <summary>The request went out (or would have): the page says the same for every address.</summary>
    public bool Sent { get; private set; }

    public bool OutboxShown => AccountsFeature.IsOutboxShown(HttpContext.RequestServices);

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        reset.Request(Email);
        Sent = true;
        return Page();
    }
}
