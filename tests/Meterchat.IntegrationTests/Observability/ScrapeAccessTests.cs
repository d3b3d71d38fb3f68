using System.Net;
using Meterchat.IntegrationTests.Infrastructure;

namespace Meterchat.IntegrationTests.Observability;

/// <summary><c>/metrics</c> is never public: allowed networks or the token only; <c>/health/ready</c> shows details to them only.</summary>
public sealed class ScrapeAccessTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public Task InitializeAsync()
    {
        _app.Settings["Observability:MetricsToken"] = ObservedApp.Token;
        _app.Settings["Observability:MetricsNetworks:0"] = "127.0.0.0/8";
        _app.Settings["Observability:MetricsNetworks:1"] = "10.9.0.0/16";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(null, null)]
    [InlineData(null, "wrong-token")]
    [InlineData("203.0.113.7", null)]
    [InlineData("10.1.2.3", null)]
    [InlineData("10.1.2.3", "Bearer")]
    public async Task A_scrape_from_elsewhere_or_without_the_token_is_refused(string? from, string? token)
    {
        var response = await ScrapeAsync(from, token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("meterchat_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", null)]
    [InlineData("10.9.4.2", null)]
    [InlineData("203.0.113.7", ObservedApp.Token)]
    [InlineData(null, ObservedApp.Token)]
    public async Task A_scrape_from_an_allowed_network_or_with_the_token_gets_the_metrics(string? from, string? token)
    {
        var response = await ScrapeAsync(from, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("meterchat_liabilities_micros", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_details_are_for_scrapers_only()
    {
        using var client = _app.CreateClient();
        var plain = await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        request.Headers.Authorization = new("Bearer", ObservedApp.Token);
        var detailed = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.DoesNotContain("tron-node", plain, StringComparison.Ordinal);
        Assert.Contains("\"tron-node\"", detailed, StringComparison.Ordinal);
        Assert.Contains("\"deposit-watcher\"", detailed, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> ScrapeAsync(string? from, string? token)
    {
        var client = _app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (from is not null)
        {
            request.Headers.Add(TestClientAddress.Header, from);
        }

        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", token == "Bearer" ? "Bearer " : $"Bearer {token}");
        }

        return await client.SendAsync(request);
    }
}
