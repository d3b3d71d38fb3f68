using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Meterchat.Accounts;

/// <summary>
/// Says why a signed-in user was refused by <see cref="AccountPolicies.VerifiedEmail"/>: a problem
/// <c>auth/email-not-verified</c> for the API, the account page (where the mail can be resent) for the browser.
/// </summary>
internal sealed class VerifiedEmailForbiddenHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<VerifiedEmailRequirement>().Any() == true)
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await AuthProblems.Problem(AuthProblems.EmailNotVerified, StatusCodes.Status403Forbidden, "Email not verified", AuthProblems.EmailNotVerifiedDetail)
                    .ExecuteAsync(context);
            }
            else
            {
                context.Response.Redirect("/Account?verify=required");
            }

            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
