using System.Net;
using System.Net.Http.Json;
using System.Text;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.IntegrationTests.Sellers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Moderation;

/// <summary>
/// Every admin endpoint (API and page) the app maps — found from its routing table, so endpoints added later are
/// covered too — refuses anonymous callers, buyers and sellers, by bearer token and by cookie.
/// </summary>
public sealed class AdminAuthorisationTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Admin endpoints that exist today: the enumeration must find at least these.</summary>
    private static readonly string[] Known =
    [
        "GET /api/admin/audit", "GET /api/admin/reports", "GET /api/admin/withdrawals", "POST /api/admin/withdrawals/{id:long}/approve",
        "POST /api/admin/withdrawals/{id:long}/reject", "GET /api/admin/treasury", "POST /api/admin/treasury/sweep",
        "GET /api/admin/users", "GET /api/admin/users/{id}", "POST /api/admin/users/{id}/ban", "POST /api/admin/users/{id}/unban",
        "POST /api/admin/fraud-flags/{id:long}/clear", "POST /api/admin/reports/{id:long}/dismiss", "POST /api/admin/reports/{id:long}/act",
        "GET /api/admin/audit-log", "GET /admin", "GET /admin/reports", "GET /admin/withdrawals", "GET /admin/treasury", "GET /admin/users",
        "GET /admin/users/{id}", "GET /admin/audit-log",
    ];

    [Fact]
    public void The_routing_table_lists_every_known_admin_endpoint()
    {
        var found = AdminEndpoints().Select(e => $"{e.Method} {e.Pattern}").ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.All(Known, k => Assert.Contains(k, found));
    }

    [Fact]
    public async Task Every_admin_endpoint_refuses_anonymous_buyers_and_sellers()
    {
        var buyer = await app.NewPersonAsync("buyer");
        var seller = await app.NewPersonAsync("seller");
        Assert.Equal(HttpStatusCode.OK, (await seller.SaveProfileAsync(20)).StatusCode);
        var callers = new List<(string Who, HttpClient Client)>
        {
            ("anonymous", NoRedirects()),
            ("buyer (bearer)", Bearer(buyer.Token)),
            ("seller (bearer)", Bearer(seller.Token)),
            ("buyer (cookie)", await CookieAsync(buyer)),
            ("seller (cookie)", await CookieAsync(seller)),
        };
        var admin = await app.NewAdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/api/admin/audit-log")).StatusCode); // the setup can succeed at all

        var endpoints = AdminEndpoints();
        var allowed = new List<string>();
        foreach (var (method, pattern, url) in endpoints)
        {
            foreach (var (who, client) in callers)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method != "GET")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                if (!Refused(response))
                {
                    allowed.Add($"{method} {pattern} answered {(int)response.StatusCode} to {who}");
                }
            }
        }

        Assert.True(endpoints.Count >= Known.Length);
        Assert.Empty(allowed);
    }

    private static bool Refused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location?.ToString() is { } to
            && (to.Contains("/Account/Login", StringComparison.Ordinal) || to.Contains("/Account/AccessDenied", StringComparison.Ordinal)));

    /// <summary>Every route under /api/admin or /admin, each method, with its parameters filled in.</summary>
    private List<(string Method, string Pattern, string Url)> AdminEndpoints()
    {
        using var _ = app.CreateClient(); // builds the host
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        var result = new List<(string, string, string)>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (!pattern.StartsWith("/api/admin", StringComparison.OrdinalIgnoreCase) && !pattern.StartsWith("/admin", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods)
            {
                result.Add((method, pattern, Fill(endpoint.RoutePattern)));
            }
        }

        return result.DistinctBy(e => (e.Item1, e.Item3)).ToList();
    }

    private static string Fill(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart p when p.ParameterPolicies.Any(x => x.Content is "guid") => Guid.NewGuid().ToString(),
            RoutePatternParameterPart p when p.ParameterPolicies.Any(x => x.Content is "long" or "int") => "1",
            RoutePatternParameterPart p when p.IsOptional => "",
            RoutePatternParameterPart => "someone",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        })));
        return "/" + string.Join("/", segments).TrimEnd('/');
    }

    private HttpClient NoRedirects() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private HttpClient Bearer(string token)
    {
        var client = NoRedirects();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A browser-like client holding the application cookie (Identity's login with useCookies).</summary>
    private async Task<HttpClient> CookieAsync(Person person)
    {
        var email = (await person.Client.GetFromJsonAsync<SellersApi.Me>("/api/auth/me"))!.Email;
        var client = NoRedirects();
        var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = AccountsApi.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
        return client;
    }
}
