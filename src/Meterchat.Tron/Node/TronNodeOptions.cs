namespace Meterchat.Tron.Node;

/// <summary>Where the java-tron HTTP API is and how patiently to talk to it.</summary>
public sealed class TronNodeOptions
{
    /// <summary>
    /// The node's base address: a full node (<c>http://host:8090/</c>), TronGrid (<c>https://api.trongrid.io/</c>,
    /// <c>https://nile.trongrid.io/</c>) or the dev chain (<c>http://127.0.0.1:9090/</c>). Requests go to
    /// <c>{BaseUrl}wallet/…</c> and <c>{BaseUrl}walletsolidity/…</c>.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>TronGrid's key, sent as the <c>TRON-PRO-API-KEY</c> header when set.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a call may take, retries and back-off included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt on 429, 403 (TronGrid's rate limit), 408, 5xx and network errors.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First back-off; it doubles with each retry (with jitter). A Retry-After header wins.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
