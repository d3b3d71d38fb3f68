using System.Security.Claims;
using Meterchat.Accounts;
using Meterchat.Data;
using Meterchat.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Admin.Users;

/// <summary>
/// Makes a ban effective on the very next request, for cookies and bearer tokens alike: an authenticated principal
/// whose user is banned becomes anonymous, so every endpoint refuses it (403: the credential itself still
/// authenticates). One primary-key read per request, remembered for the rest of the request.
/// The database context is taken from the request's services only for a signed-in principal: authentication runs on
/// every request, and building a context for each anonymous one (a probe, a cached page) was most of their cost.
/// </summary>
internal sealed class BannedUserCheck(IServiceProvider services) : IClaimsTransformation
{
    private readonly Dictionary<string, bool> _banned = new(StringComparer.Ordinal);

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.FindUserId() is not { } id)
        {
            return principal;
        }

        if (!_banned.TryGetValue(id, out var banned))
        {
            banned = await services.GetRequiredService<AppDbContext>().Set<AppUser>().AsNoTracking().Where(u => u.Id == id).Select(u => u.BannedAt != null).FirstOrDefaultAsync();
            _banned[id] = banned;
        }

        return banned ? new ClaimsPrincipal(new ClaimsIdentity()) : principal;
    }
}
