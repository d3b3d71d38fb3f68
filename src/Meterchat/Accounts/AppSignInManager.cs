using System.Security.Claims;
using Meterchat.Data;
using Meterchat.Observability;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Meterchat.Accounts;

/// <summary>
/// Identity's sign-in with the ban rule: a banned user cannot sign in (password, 2FA or refresh token),
/// and a browser session of a banned user ends at its next periodic check. Bearer sign-ins start a refresh token family.
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.BannedAt is not null)
        {
            Logger.LogInformation("Sign-in refused for banned user {UserId}", user.Id);
            return false;
        }

        return await base.CanSignInAsync(user);
    }

    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        // A bearer sign-in starts a refresh token family (rotation, and revocation when a token is replayed).
        if (AuthenticationScheme == IdentityConstants.BearerScheme)
        {
            additionalClaims = [.. additionalClaims, .. await Context.RequestServices.GetRequiredService<RefreshTokens>().StartFamilyAsync(user)];
        }

        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        foreach (var observer in Context.RequestServices.GetServices<ISignInObserver>())
        {
            await observer.SignedInAsync(user, Context);
        }
    }

    protected override async Task<SignInResult> LockedOut(AppUser user)
    {
        Context.RequestServices.GetRequiredService<MeterchatMetrics>().LockedOut();
        return await base.LockedOut(user);
    }

    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { BannedAt: null } ? user : null;
    }
}
