using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Meterchat.Trust.Fraud;

/// <summary>
/// Gives every browser a long-lived random id (<c>mc_device</c>), so two accounts used from one browser can be told
/// apart from two people behind one address. It identifies a browser, not a person, and carries nothing else.
/// </summary>
public sealed class DeviceCookie(RequestDelegate next, IOptions<FraudOptions> options, TimeProvider time)
{
    public const string Name = "mc_device";

    public Task InvokeAsync(HttpContext context)
    {
        // A response the output cache may share between visitors (the public browse list) carries no per-browser cookie:
        // the cache would not store it, or would hand one id to everyone. The browser gets its id on its next request.
        // Probes and scrapers (/health, /metrics) are not browsers: an id for each of their requests would be wasted work.
        if (!IsWellFormed(context.Request.Cookies[Name]) && !MayBeShared(context.GetEndpoint()) && !IsProbe(context.Request.Path))
        {
            var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[Name] = id;
            context.Response.Cookies.Append(Name, id, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                IsEssential = true,
                Expires = time.GetUtcNow().AddDays(options.Value.DeviceCookieDays),
            });
        }

        return next(context);
    }

    /// <summary>The request's device id: the cookie it sent, or the one just given to it; "" when none.</summary>
    public static string Of(HttpContext? context) =>
        context is null ? ""
        : context.Items[Name] as string is { } fresh ? fresh
        : IsWellFormed(context.Request.Cookies[Name]) ? context.Request.Cookies[Name]! : "";

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");

    private static bool MayBeShared(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<IOutputCachePolicy>() is not null || endpoint?.Metadata.GetMetadata<OutputCacheAttribute>() is not null;

    private static bool IsWellFormed(string? value) => value is { Length: 32 } && value.All(char.IsAsciiHexDigitLower);
}
