using System.Threading.RateLimiting;
using Meterchat.Observability;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Meterchat.Accounts;

/// <summary>
/// Per-IP limit on attempts to sign in, sign up or send mail: POSTs only, so showing a form costs nothing.
/// Complements the per-account lockout, which an attacker spraying many accounts would never hit.
/// Behind a proxy, configure forwarded headers so the client's address is the one counted.
/// </summary>
internal sealed class AuthRateLimitPolicy(IOptions<AccountsOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "auth";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (HttpMethods.IsGet(httpContext.Request.Method) || HttpMethods.IsHead(httpContext.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("read");
        }

        var settings = options.Value;
        var address = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter("ip:" + address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.AttemptsPerWindow,
            Window = TimeSpan.FromSeconds(settings.AttemptWindowSeconds),
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        http.RequestServices.GetRequiredService<MeterchatMetrics>().RateLimited(Name);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
        }

        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await AuthProblems.Problem(AuthProblems.TooManyAttempts, StatusCodes.Status429TooManyRequests, "Too many attempts", AuthProblems.TooManyAttemptsDetail)
                .ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            "<title>Too many attempts · Meterchat</title><link rel=\"stylesheet\" href=\"/css/base.css\"><link rel=\"stylesheet\" href=\"/css/components.css\"></head>" +
            "<body><main class=\"container narrow\"><div class=\"card\"><h1>Too many attempts</h1>" +
            $"<p>{AuthProblems.TooManyAttemptsDetail}</p><p><a class=\"button\" href=\"/\">Back to Meterchat</a></p></div></main></body></html>",
            cancellationToken);
    }
}
