using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;

namespace Meterchat.Accounts;

/// <summary>
/// Checks every bearer token against the database before it is honoured: the security stamp (a password change,
/// an email change or a ban renews it, so older tokens stop working at once) and its refresh family (revoked when
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
        if (await services.GetRequiredService<SignInManager<AppUser>>().ValidateSecurityStampAsync(principal) is null
            || !await services.GetRequiredService<RefreshTokens>().IsFamilyLiveAsync(principal, context.HttpContext.RequestAborted))
        {
            context.Fail("The token's session has ended (password or email change, ban, or a reused refresh token).");
        }
    }
}
