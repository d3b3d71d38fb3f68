using Meterchat.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Meterchat.Accounts;

// Reads the user row on every check: a token issued before the email was verified (or before a ban) must not decide.
// The user store (and its database context) is taken only when a check runs: authorization builds every handler on
// every request, and building a context for each one that never asks (a probe, a public page) was most of its cost.
internal sealed class VerifiedEmailHandler(IServiceProvider services) : AuthorizationHandler<VerifiedEmailRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, VerifiedEmailRequirement requirement)
    {
        if (await services.GetRequiredService<UserManager<AppUser>>().GetUserAsync(context.User) is { EmailConfirmed: true, BannedAt: null })
        {
            context.Succeed(requirement);
        }
    }
}
