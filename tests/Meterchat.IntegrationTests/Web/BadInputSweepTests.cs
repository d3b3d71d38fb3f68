using System.Net;
using System.Text.Json.Nodes;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.IntegrationTests.Moderation;
using Meterchat.IntegrationTests.Sellers;

namespace Meterchat.IntegrationTests.Web;

/// <summary>
/// Every route of the OpenAPI document, signed in as a buyer, a seller and an admin, against malformed JSON, wrong
/// types, nulls, overlong strings, NUL bytes and huge numbers: never a 5xx, and every refusal a problem document.
/// Runs on SQLite by default and on PostgreSQL with MC_TEST_DB=postgres (where NUL bytes and lengths used to fail).
/// </summary>
public sealed class BadInputSweepTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task No_route_answers_bad_input_with_a_server_error()
    {
        var buyer = await factory.NewPersonAsync("buyer", walletTokens: 100);
        var (seller, hub) = await factory.NewOnlineSellerAsync(rate: 10);
        await using var _ = hub;
        var admin = await factory.NewAdminAsync();
        using var anonymous = factory.CreateClient();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        var routes = BadInputProbes.Routes(document).ToList();
        Assert.True(routes.Count > 40, $"only {routes.Count} routes in the OpenAPI document");

        var failures = new List<string>();
        var probes = 0;
        foreach (var (role, client) in new[] { ("buyer", buyer.Client), ("seller", seller.Client), ("admin", admin.Client) })
        {
            foreach (var route in routes)
            {
                foreach (var probe in BadInputProbes.For(route, document))
                {
                    probes++;
                    using var request = new HttpRequestMessage(probe.Method, probe.Url) { Content = probe.Content };
                    using var response = await client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    if (status >= 500)
                    {
                        failures.Add($"{role} {route.Method} {route.Path} [{probe.Name}] -> {status}");
                    }
                    else if (status is 400 or 409 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    {
                        failures.Add($"{role} {route.Method} {route.Path} [{probe.Name}] -> {status} without a problem document");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {probes} probes failed:\n" + string.Join("\n", failures.Distinct().Take(200)));
    }
}
