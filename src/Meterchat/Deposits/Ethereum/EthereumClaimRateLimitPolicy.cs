using System.Threading.RateLimiting;
using Meterchat.Web;
using Microsoft.AspNetCore.RateLimiting;

namespace Meterchat.Deposits.Ethereum;

/// <summary>
/// Pasted Ethereum hashes per person per minute (<c>Ethereum:ClaimsPerMinute</c>, 30): each paste asks the node
/// several questions, so one account cannot make the server hammer it.
/// </summary>
internal sealed class EthereumClaimRateLimitPolicy(IConfiguration configuration) : IRateLimiterPolicy<string>
{
    public const string Name = "ethereum-claims";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var user = httpContext.User.FindUserId() ?? "anonymous";
        return RateLimitPartition.GetFixedWindowLimiter("ethereum-claims:" + user, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = configuration.GetValue("Ethereum:ClaimsPerMinute", 30),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await new Problem(StatusCodes.Status429TooManyRequests, EthereumDepositProblems.TooManyType, "Too many pasted hashes",
            "You pasted many transaction hashes in the last minute. Deposits are also credited by themselves; try again in a minute.").ToResult().ExecuteAsync(context.HttpContext);
    }
}
