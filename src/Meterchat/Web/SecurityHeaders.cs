namespace Meterchat.Web;

/// <summary>
/// Headers on every response that tell the browser what the pages may do. The pages load scripts and styles only
/// from this origin (no inline script or style anywhere), connect back only to it (fetch, SignalR WebSockets: CSP 3
/// lets 'self' match ws:/wss: of the same host), show images from it or as data:/blob: (QR codes are inline SVG),
/// play camera streams, and may not be framed by anyone. The API docs page (Scalar) runs its own inline script,
/// so it gets the other headers but not the policy.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var withPolicy = !context.Request.Path.StartsWithSegments("/api/docs") && !context.Request.Path.StartsWithSegments("/scalar");
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (withPolicy)
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(self), microphone=(self), geolocation=(), payment=()";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
