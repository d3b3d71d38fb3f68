using System.Security.Claims;

namespace Meterchat.Audit;

/// <summary>The signed-in admin an action is recorded against.</summary>
public sealed record AdminActor(string Id, string Email)
{
    public static AdminActor From(ClaimsPrincipal user) =>
        new(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("An admin action needs a signed-in user."),
            user.FindFirstValue(ClaimTypes.Email) ?? user.FindFirstValue(ClaimTypes.Name) ?? "");
}
