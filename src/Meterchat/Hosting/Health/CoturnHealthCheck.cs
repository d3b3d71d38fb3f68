using System.Diagnostics;
using System.Net.Sockets;
using Meterchat.Chats.Live;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Meterchat.Hosting.Health;

/// <summary>
/// coturn accepts a TCP connection on the first TURN URL's port (coturn listens on TCP and UDP alike). Registered only
/// when TURN URLs are configured. It proves the relay is up, not that allocations succeed.
/// </summary>
internal sealed class CoturnHealthCheck(IOptions<ChatOptions> chat, IOptionsMonitor<HealthThresholds> thresholds) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (chat.Value.TurnUrls.Count == 0 || !TryParse(chat.Value.TurnUrls[0], out var host, out var port))
        {
            return HealthCheckResult.Healthy("No TURN server is configured.");
        }

        var t = thresholds.CurrentValue;
        var watch = Stopwatch.StartNew();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(t.CoturnUnhealthyMilliseconds);
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"coturn at {host}:{port} does not accept connections.");
        }

        var text = $"coturn at {host}:{port} answered in {watch.ElapsedMilliseconds} ms.";
        return watch.ElapsedMilliseconds >= t.CoturnDegradedMilliseconds ? HealthCheckResult.Degraded(text) : HealthCheckResult.Healthy(text);
    }

    /// <summary><c>turn:host:port?transport=udp</c> or <c>turns:host</c> (default ports 3478 and 5349).</summary>
    internal static bool TryParse(string url, out string host, out int port)
    {
        host = "";
        port = 0;
        var secure = url.StartsWith("turns:", StringComparison.OrdinalIgnoreCase);
        var rest = url[(url.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var query = rest.IndexOf('?', StringComparison.Ordinal);
        rest = query < 0 ? rest : rest[..query];
        var colon = rest.LastIndexOf(':');
        host = colon < 0 ? rest : rest[..colon];
        port = secure ? 5349 : 3478;
        return host.Length > 0 && (colon < 0 || int.TryParse(rest[(colon + 1)..], out port));
    }
}
