using System.Net;
using System.Text;

namespace Meterchat.DevChain;

/// <summary>
/// Serves the dev chain's API to an HttpClient without a socket. The request path may carry any prefix:
/// everything from the <c>wallet</c>, <c>walletsolidity</c>, <c>faucet</c> or <c>info</c> segment on is used.
/// </summary>
internal sealed class DevChainHttpHandler(DevChainApi api) : HttpMessageHandler
{
    private static readonly string[] Roots = ["wallet", "walletsolidity", "faucet", "info"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var segments = (request.RequestUri?.AbsolutePath ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var start = Array.FindIndex(segments, s => Roots.Contains(s, StringComparer.OrdinalIgnoreCase));
        var path = start < 0 ? string.Join('/', segments) : string.Join('/', segments[start..]);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var answer = api.Handle(path, body);
        return new HttpResponseMessage((HttpStatusCode)answer.Status)
        {
            Content = new StringContent(answer.Json, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
    }
}
