using System.Security.Claims;
using Meterchat.Data;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;

namespace Meterchat.Accounts;

/// <summary>
/// Checks every bearer token against the database before it is honoured: the security stamp (a password change,
/// an email change or 2FA on/off renews it, so older tokens stop working at once; a banned user's token is left to BannedUserCheck's 403) and its refresh family (revoked when
/// a refresh token was used twice). Identity's bearer handler checks neither; the cookie is checked on an interval.
/// </summary>
internal static class BearerSessionCheck
{
    public static async Task OnMessageReceivedAsync(MessageReceivedContext context)
    {
        string authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return;
        }

        var ticket = context.Options.BearerTokenProtector.Unprotect(authorization["Bearer ".Length..]);
        if (ticket?.Principal is not { Identity.IsAuthenticated: true } principal)
        {
            return; // the handler refuses it on its own
        }

        var services = context.HttpContext.RequestServices;
        var signIn = services.GetRequiredService<SignInManager<AppUser>>();
        var user = await signIn.UserManager.GetUserAsync(principal);
        if (user is { BannedAt: not null })
        {
            return; // BannedUserCheck answers a banned user's token with 403, which says more than 401
        }

        if (user is null
            || !await signIn.ValidateSecurityStampAsync(user, principal.FindFirstValue(signIn.Options.ClaimsIdentity.SecurityStampClaimType))
            || !await services.GetRequiredService<RefreshTokens>().IsFamilyLiveAsync(principal, context.HttpContext.RequestAborted))
        {
            context.Fail("The token's session has ended (password or email change, ban, or a reused refresh token).");
        }
    }
}
