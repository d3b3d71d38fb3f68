using System.Security.Claims;

namespace Meterchat.Web;

/// <summary>The one way to read who is signed in: the Identity user id in the name-identifier claim.</summary>
public static class SignedInUser
{
    /// <summary>The signed-in user's id; endpoints and pages behind authorization always have one.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindUserId() ?? throw new InvalidOperationException("An authenticated user has an id.");

    /// <summary>The user's id, or null for an anonymous caller (hubs, filters, shared partials).</summary>
    public static string? FindUserId(this ClaimsPrincipal? user) => user?.FindFirstValue(ClaimTypes.NameIdentifier);
}
