using Microsoft.AspNetCore.Authorization;

namespace Meterchat.Sellers;

/// <summary>
/// The sellers API and hub accept both credentials: the bearer token (scripts, tests) and the application cookie
/// (the /browse and /seller pages call the API with fetch). The default selector would pick bearer only for /api.
/// Cross-site requests do not carry the cookie (SameSite=Lax) and the API takes JSON, so forms elsewhere cannot forge them.
/// </summary>
public static class SellerAuth
{
    public const string Schemes = "Identity.Bearer,Identity.Application";

    public static readonly AuthorizeAttribute BearerOrCookie = new() { AuthenticationSchemes = Schemes };
}
