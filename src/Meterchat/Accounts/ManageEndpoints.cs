using System.Security.Claims;
using Meterchat.Data;
using Meterchat.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;

namespace Meterchat.Accounts;

/// <summary>
/// Our /api/auth/manage/2fa and POST /manage/info in place of Identity's, which act on the bearer token alone: here the
/// sensitive changes need a <see cref="StepUp"/> and are mailed to the account's address, and the shared key is shown
/// only while two-factor is off (to set it up), never again: with it, a token thief could make codes forever.
/// </summary>
internal static class ManageEndpoints
{
    private const int RecoveryCodeCount = 10;

    public static async Task<Results<Ok<TwoFactorState>, ProblemHttpResult, NotFound>> TwoFactorAsync(
        TwoFactorChange request, ClaimsPrincipal principal, SignInManager<AppUser> signIn, IUserStore<AppUser> store, StepUp stepUp, SecurityNotices notices, ILogger<StepUp> logger)
    {
        var users = signIn.UserManager;
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.NotFound();
        }

        var enabled = await users.GetTwoFactorEnabledAsync(user);
        var turnsOff = enabled && (request.Enable == false || request.ResetSharedKey);
        if ((turnsOff || request.ResetRecoveryCodes) && await stepUp.CheckAsync(user, request.Password, request.TwoFactorCode) is { } refused)
        {
            return refused.ToResult();
        }

        var turnsOn = request.Enable == true && !enabled;
        if (turnsOn)
        {
            if (request.ResetSharedKey)
            {
                return Invalid("A new shared key turns two-factor off until a code from it is checked: do not send both.");
            }

            if (string.IsNullOrWhiteSpace(request.TwoFactorCode)
                || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, StepUp.Clean(request.TwoFactorCode)))
            {
                return Invalid("Send twoFactorCode: the current code from your authenticator app.");
            }

            await users.SetTwoFactorEnabledAsync(user, true);
            logger.LogInformation("User {UserId} turned two-factor sign-in on", user.Id);
        }
        else if (turnsOff || (!enabled && request.ResetSharedKey))
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            if (request.ResetSharedKey)
            {
                await users.ResetAuthenticatorKeyAsync(user);
            }

            if (turnsOff)
            {
                logger.LogInformation("User {UserId} turned two-factor sign-in off", user.Id);
                await notices.TwoFactorTurnedOffAsync(user);
            }
        }

        string[]? recoveryCodes = null;
        var nowEnabled = await users.GetTwoFactorEnabledAsync(user);
        if (request.ResetRecoveryCodes || (turnsOn && await users.CountRecoveryCodesAsync(user) == 0))
        {
            recoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
            if (request.ResetRecoveryCodes)
            {
                await notices.RecoveryCodesRenewedAsync(user);
            }
        }

        if (request.ForgetMachine)
        {
            await signIn.ForgetTwoFactorClientAsync();
        }

        var key = nowEnabled ? null : await AuthenticatorKeys.EnsureAsync(users, store, user);

        return TypedResults.Ok(new TwoFactorState(
            key,
            recoveryCodes?.Length ?? await users.CountRecoveryCodesAsync(user),
            recoveryCodes,
            nowEnabled,
            await signIn.IsTwoFactorClientRememberedAsync(user)));
    }

    public static async Task<Results<Ok<InfoResponse>, ProblemHttpResult, ValidationProblem, NotFound>> InfoAsync(
        InfoChange request, ClaimsPrincipal principal, UserManager<AppUser> users, StepUp stepUp, EmailChange emailChange, SecurityNotices notices)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.NotFound();
        }

        var newEmail = request.NewEmail?.Trim();
        var changesEmail = !string.IsNullOrEmpty(newEmail) && !string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase);
        if (changesEmail && !EmailChange.IsValidAddress(newEmail))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newEmail"] = ["Enter a valid email address."] }, type: AuthProblems.InvalidRequest);
        }

        if (!changesEmail && string.IsNullOrEmpty(request.NewPassword))
        {
            return TypedResults.Ok(await InfoOfAsync(user, users));
        }

        if (await stepUp.CheckAsync(user, request.OldPassword, request.TwoFactorCode) is { } refused)
        {
            return refused.ToResult();
        }

        if (!string.IsNullOrEmpty(request.NewPassword))
        {
            var changed = await users.ChangePasswordAsync(user, request.OldPassword!, request.NewPassword);
            if (!changed.Succeeded)
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["newPassword"] = [.. changed.Errors.Select(e => e.Description)] }, type: AuthProblems.InvalidRequest);
            }

            await notices.PasswordChangedAsync(user);
        }

        if (changesEmail)
        {
            await emailChange.RequestAsync(user, newEmail!);
        }

        return TypedResults.Ok(await InfoOfAsync(user, users));
    }

    private static async Task<InfoResponse> InfoOfAsync(AppUser user, UserManager<AppUser> users) => new()
    {
        Email = await users.GetEmailAsync(user) ?? "",
        IsEmailConfirmed = await users.IsEmailConfirmedAsync(user),
    };

    private static ProblemHttpResult Invalid(string detail) =>
        AuthProblems.Problem(AuthProblems.InvalidRequest, StatusCodes.Status400BadRequest, "Two-factor not changed", detail);
}
