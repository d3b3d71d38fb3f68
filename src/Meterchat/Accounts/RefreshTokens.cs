using System.Security.Claims;
using Meterchat.Data;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Accounts;

/// <summary>
/// Rotating refresh tokens. Identity's bearer tokens are self-contained, so a refresh token could be used again and again;
/// here each sign-in starts a <see cref="RefreshTokenFamily"/> whose id and current token id ride in the tokens' claims.
/// A refresh swaps the current id (one conditional update, so two racing refreshes cannot both win); presenting a
/// superseded token revokes the family, which also ends its access tokens (<see cref="BearerSessionCheck"/>).
/// </summary>
public sealed class RefreshTokens(
    AppDbContext db,
    SignInManager<AppUser> signIn,
    IOptionsMonitor<BearerTokenOptions> bearer,
    TimeProvider time,
    ILogger<RefreshTokens> logger)
{
    public const string FamilyClaim = "meterchat:refresh-family";
    public const string TokenClaim = "meterchat:refresh-token";

    /// <summary>The claims a new bearer sign-in carries: a new family.</summary>
    public async Task<Claim[]> StartFamilyAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var family = new RefreshTokenFamily { Id = NewId(), UserId = user.Id, CurrentTokenId = NewId(), CreatedAt = time.GetUtcNow() };
        db.Add(family);
        await db.SaveChangesAsync();
        return [new Claim(FamilyClaim, family.Id), new Claim(TokenClaim, family.CurrentTokenId)];
    }

    /// <summary>The principal for the next pair of tokens, or null when the refresh token must not be honoured.</summary>
    public async Task<ClaimsPrincipal?> RotateAsync(string? refreshToken)
    {
        var ticket = string.IsNullOrEmpty(refreshToken) ? null : bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(refreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || ticket.Principal.FindFirstValue(FamilyClaim) is not { } familyId || ticket.Principal.FindFirstValue(TokenClaim) is not { } tokenId
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return null;
        }

        var next = NewId();
        var rotated = await db.Set<RefreshTokenFamily>()
            .Where(f => f.Id == familyId && f.UserId == user.Id && f.CurrentTokenId == tokenId && f.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.CurrentTokenId, next));
        if (rotated == 0)
        {
            var revoked = await db.Set<RefreshTokenFamily>()
                .Where(f => f.Id == familyId && f.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.RevokedAt, time.GetUtcNow()));
            if (revoked > 0)
            {
                logger.LogWarning("Refresh token of user {UserId} used twice: its family {Family} is revoked", user.Id, familyId);
            }

            return null;
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaims([new Claim(FamilyClaim, familyId), new Claim(TokenClaim, next)]);
        return principal;
    }

    /// <summary>False when the token's family has been revoked (a copy of a refresh token was used).</summary>
    public async Task<bool> IsFamilyLiveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var familyId = principal.FindFirstValue(FamilyClaim);
        return familyId is null || await db.Set<RefreshTokenFamily>().AnyAsync(f => f.Id == familyId && f.RevokedAt == null, cancellationToken);
    }

    private static string NewId() => Guid.NewGuid().ToString("N");
}
