using Meterchat.Data;
using Meterchat.Web;
using Microsoft.AspNetCore.Identity;

namespace Meterchat.Accounts;

/// <summary>
/// Proof that the person is at the keyboard before a sensitive change (2FA off, new recovery codes, email or password
/// change, a new payout address): the current password and, with two-factor on, a current code. A session or bearer
/// token alone is not enough, because a stolen one must not become the account. Wrong answers count toward the
/// sign-in lockout, so a token holder cannot guess the password here either.
/// </summary>
public sealed class StepUp(UserManager<AppUser> users)
{
    /// <summary>Null when the proof holds; otherwise the refusal to show.</summary>
    public async Task<Problem?> CheckAsync(AppUser user, string? password, string? twoFactorCode, bool codeAlreadyChecked = false)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await users.IsLockedOutAsync(user))
        {
            return new(StatusCodes.Status423Locked, AuthProblems.LockedOut, "Account locked", "Too many wrong passwords or codes: try again later.");
        }

        var needsCode = !codeAlreadyChecked && await users.GetTwoFactorEnabledAsync(user);
        if (string.IsNullOrEmpty(password) || (needsCode && string.IsNullOrWhiteSpace(twoFactorCode)))
        {
            return new(StatusCodes.Status403Forbidden, AuthProblems.StepUpRequired, "Confirm it is you",
                needsCode ? "Enter your current password and the code from your authenticator app." : "Enter your current password.");
        }

        var passwordOk = await users.CheckPasswordAsync(user, password);
        var codeOk = !needsCode || (passwordOk && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Clean(twoFactorCode!)));
        if (passwordOk && codeOk)
        {
            await users.ResetAccessFailedCountAsync(user);
            return null;
        }

        await users.AccessFailedAsync(user);
        return new(StatusCodes.Status403Forbidden, AuthProblems.StepUpFailed, "Not confirmed",
            passwordOk ? "That code is not right. Enter the current code from your authenticator app." : "That password is not right.");
    }

    /// <summary>A code as people type it: spaces and a dash allowed.</summary>
    public static string Clean(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
