using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Meterchat.Observability;

/// <summary>
/// Guards <c>/metrics</c>: a scrape from a configured network, or with the configured bearer token, passes; anything
/// else gets 404 (the endpoint does not advertise itself). The address is the connection's (behind a proxy, the
/// proxy's): the load balancer must not forward <c>/metrics</c> (deploy/nginx.conf refuses it).
/// </summary>
internal sealed class MetricsAccess(IOptionsMonitor<ObservabilityOptions> options)
{
    public bool Allows(HttpContext context)
    {
        var settings = options.CurrentValue;
        if (!string.IsNullOrEmpty(settings.MetricsToken)
            && context.Request.Headers.Authorization.ToString() is { Length: > 7 } header
            && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[7..].Trim()), Encoding.UTF8.GetBytes(settings.MetricsToken)))
        {
            return true;
        }

        if (context.Connection.RemoteIpAddress is not { } address)
        {
            return false;
        }

        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return settings.MetricsNetworks.Any(n => IPNetwork.TryParse(n, out var network) && network.Contains(address));
    }

    /// <summary>The branch in front of the exporter: refused scrapes stop here.</summary>
    public static void Gate(IApplicationBuilder branch) => branch.Use(async (context, next) =>
    {
        if (!context.RequestServices.GetRequiredService<MetricsAccess>().Allows(context))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await next(context);
    });
}
