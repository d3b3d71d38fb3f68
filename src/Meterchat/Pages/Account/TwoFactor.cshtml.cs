using System.ComponentModel.DataAnnotations;
using Meterchat.Accounts;
using Meterchat.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Meterchat.Pages.Account;

/// <summary>Set up (shared key + QR), enable with a code, recovery codes, disable.</summary>
[EnableRateLimiting(AuthRateLimitPolicy.Name)]
public sealed class TwoFactorModel(UserManager<AppUser> users, IUserStore<AppUser> store, StepUp stepUp, SecurityNotices notices, ILogger<TwoFactorModel> logger) : PageModel
{
    private const int RecoveryCodeCount = 10;

    [BindProperty, Required(ErrorMessage = "Enter the 6-digit code from your app.")]
    public string Code { get; set; } = "";

    /// <summary>The step-up for turning it off and for new recovery codes.</summary>
    [BindProperty, DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }

    public bool Enabled { get; private set; }

    public string FormattedKey { get; private set; } = "";

    public string QrSvg { get; private set; } = "";

    public int RecoveryCodesLeft { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, StepUp.Clean(Code)))
        {
            ModelState.AddModelError(nameof(Code), "That code is not right. Check the time on your phone and try the current code.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        logger.LogInformation("User {UserId} turned two-factor sign-in on", user.Id);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        var refused = ModelState.IsValid ? await stepUp.CheckAsync(user, CurrentPassword, Code) : null;
        if (!ModelState.IsValid || refused is not null)
        {
            ModelState.AddModelError(string.Empty, refused?.Detail ?? "Enter your password and the current code from your app.");
            await LoadAsync(user);
            return Page();
        }

        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await notices.RecoveryCodesRenewedAsync(user);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (ModelState.IsValid && await stepUp.CheckAsync(user, CurrentPassword, Code) is { } refused)
        {
            ModelState.AddModelError(string.Empty, refused.Detail);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await notices.TwoFactorTurnedOffAsync(user);
        logger.LogInformation("User {UserId} turned two-factor sign-in off", user.Id);
        TempData["Status"] = "Two-factor sign-in is off.";
        return RedirectToPage("Index");
    }

    private async Task LoadAsync(AppUser user)
    {
        Enabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        if (Enabled)
        {
            return; // the key is shown only to set it up: with it anyone could make codes
        }

        var key = await AuthenticatorKeys.EnsureAsync(users, store, user);

        FormattedKey = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        QrSvg = AuthenticatorQr.Svg(user.Email!, key);
    }
}
