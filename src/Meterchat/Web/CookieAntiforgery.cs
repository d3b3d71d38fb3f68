using Microsoft.AspNetCore.Antiforgery;

namespace Meterchat.Web;

/// <summary>
/// A browser's API call that changes something and is authenticated by the auth cookie must carry the page's
/// antiforgery token (header <see cref="HeaderName"/>, or the form field for sendBeacon), like the Razor forms do.
/// Bearer-token calls (scripts, bots) carry no ambient credential, so they are exempt; the hubs authenticate the
/// connection, not each message.
/// </summary>
internal sealed class CookieAntiforgery(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string HeaderName = "RequestVerificationToken";
    public const string AuthCookie = "meterchat.auth";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api")
            && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            && request.Cookies.ContainsKey(AuthCookie)
            && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && context.User.Identity?.IsAuthenticated == true
            && !await antiforgery.IsRequestValidAsync(context))
        {
            await InputProblems.Problem(InputProblems.Antiforgery, StatusCodes.Status400BadRequest, "Page expired",
                "This request did not come from a Meterchat page. Reload the page and try again.").ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
