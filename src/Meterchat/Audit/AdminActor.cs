using System.Security.Claims;
using Meterchat.Web;

namespace Meterchat.Audit;

/// <summary>The signed-in admin an action is recorded against.</summary>
public sealed record AdminActor(string Id, string Email)
{
    public static AdminActor From(ClaimsPrincipal user) =>
        new(
            user.FindUserId() ?? throw new InvalidOperationException("An admin action needs a signed-in user."),
            user.FindFirstValue(ClaimTypes.Email) ?? user.FindFirstValue(ClaimTypes.Name) ?? "");
}
