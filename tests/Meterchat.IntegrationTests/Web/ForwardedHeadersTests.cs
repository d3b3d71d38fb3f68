using System.Net;
using System.Net.Http.Json;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;

namespace Meterchat.IntegrationTests.Web;

/// <summary>
/// Behind the proxy (Proxy:KnownProxies), the client's address and scheme come from X-Forwarded-For/-Proto; from
/// anyone else those headers are ignored. The connection's own address is set with <see cref="TestClientAddress"/>.
/// </summary>
public sealed class ForwardedHeadersTests : IAsyncLifetime
{
    private const string Proxy = "10.0.0.2";
    private readonly AppFactory _app = new();

    public Task InitializeAsync()
    {
        _app.Settings["Proxy:KnownProxies:0"] = Proxy;
        _app.Settings["Accounts:AttemptsPerWindow"] = "2";
        _app.Settings["Accounts:AttemptWindowSeconds"] = "3600";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Behind_the_known_proxy_each_client_has_its_own_sign_in_limit()
    {
        // Two people behind the same proxy: two attempts each fit their own limit of two.
        foreach (var person in new[] { "203.0.113.10", "203.0.113.11" })
        {
            using var client = From(Proxy, forwardedFor: person);
            for (var i = 0; i < 2; i++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync(AccountsApi.NewEmail(), "wrong password")).StatusCode);
            }

            Assert.Equal(HttpStatusCode.TooManyRequests, (await client.LoginAsync(AccountsApi.NewEmail(), "wrong password")).StatusCode);
        }
    }

    [Fact]
    public async Task A_client_that_is_not_a_known_proxy_cannot_choose_its_address()
    {
        // Each attempt claims a new address; all of them count against the connection's own.
        for (var i = 0; i < 2; i++)
        {
            using var client = From("198.51.100.7", forwardedFor: $"203.0.113.{20 + i}");
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync(AccountsApi.NewEmail(), "wrong password")).StatusCode);
        }

        using var last = From("198.51.100.7", forwardedFor: "203.0.113.99");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await last.LoginAsync(AccountsApi.NewEmail(), "wrong password")).StatusCode);
    }

    [Fact]
    public async Task The_auth_cookie_is_secure_when_the_known_proxy_says_https_and_only_then()
    {
        using (var setup = _app.CreateClient())
        {
            setup.DefaultRequestHeaders.Add(TestClientAddress.Header, "192.0.2.50");
            Assert.Equal(HttpStatusCode.OK, (await setup.SignUpAsync(Email)).StatusCode);
        }

        Assert.Contains("secure", await AuthCookieAsync(From(Proxy, forwardedFor: "203.0.113.30", proto: "https")), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", await AuthCookieAsync(From("198.51.100.8", forwardedFor: "203.0.113.31", proto: "https")), StringComparison.OrdinalIgnoreCase);
    }

    private string Email { get; } = AccountsApi.NewEmail("cookie");

    private async Task<string> AuthCookieAsync(HttpClient client)
    {
        using (client)
        {
            var response = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = Email, password = AccountsApi.Password });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("meterchat.auth=", StringComparison.Ordinal));
        }
    }

    private HttpClient From(string connection, string forwardedFor, string? proto = null)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, connection);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        if (proto is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", proto);
        }

        return client;
    }
}
