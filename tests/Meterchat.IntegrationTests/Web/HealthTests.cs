using System.Net;
using Meterchat.IntegrationTests.Infrastructure;

namespace Meterchat.IntegrationTests.Web;

public sealed class HealthTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Health_reports_the_database_reachable()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_live_probe_answers_with_the_security_headers_and_no_device_cookie()
    {
        using var client = factory.CreateClient();

        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var page = await client.GetAsync(new Uri("/help", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.False(live.Headers.Contains("Set-Cookie")); // a probe is not a browser
        Assert.Equal("DENY", live.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'self'", live.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mc_device=", StringComparison.Ordinal)); // a browser's page still gets one
    }

    [Fact]
    public async Task OpenApi_document_is_served()
    {
        using var client = factory.CreateClient();
        var json = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Contains("\"openapi\"", json, StringComparison.Ordinal);
    }
}
