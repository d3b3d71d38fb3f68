using System.Threading.RateLimiting;
using Meterchat.Web;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Meterchat.Sellers;

/// <summary>Reports per person per hour (<see cref="SellersOptions.ReportsPerHour"/>): one account cannot flood the moderators' queue.</summary>
internal sealed class ReportRateLimitPolicy(IOptions<SellersOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "reports";
    public const string TooMany = "report/too-many";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var user = httpContext.User.FindUserId() ?? "anonymous";
        return RateLimitPartition.GetFixedWindowLimiter("reports:" + user, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.ReportsPerHour,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await new Problem(StatusCodes.Status429TooManyRequests, TooMany, "Too many reports",
            "You have filed many reports in the last hour. The moderators will look at them; try again later.").ToResult().ExecuteAsync(context.HttpContext);
    }
}
