using Meterchat.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Meterchat.Accounts;

// Reads the user row on every check: a token issued before the email was verified (or before a ban) must not decide.
internal sealed class VerifiedEmailHandler(UserManager<AppUser> users) : AuthorizationHandler<VerifiedEmailRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, VerifiedEmailRequirement requirement)
    {
        if (await users.GetUserAsync(context.User) is { EmailConfirmed: true, BannedAt: null })
        {
            context.Succeed(requirement);
        }
    }
}
