namespace Meterchat.Web;

/// <summary>
/// <c>Proxy:*</c>: who may tell the app the client's address and scheme (X-Forwarded-For/-Proto). The headers are
/// taken only from a connection whose address is loopback or listed here; from anyone else they are ignored, so a
/// client cannot pick its own address for the per-IP limits and fraud rules.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Addresses of the reverse proxies in front of the app, e.g. "10.0.0.2".</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of the reverse proxies in CIDR notation, e.g. "10.0.0.0/24".</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>How many proxies in a row may append to X-Forwarded-For (a CDN in front of nginx makes 2).</summary>
    public int ForwardLimit { get; set; } = 1;
}
