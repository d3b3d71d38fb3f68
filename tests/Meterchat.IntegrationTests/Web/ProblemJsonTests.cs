using System.Net;
using System.Net.Http.Json;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.IntegrationTests.Withdrawals;

namespace Meterchat.IntegrationTests.Web;

/// <summary>
/// One problem of every endpoint group, read as a strict parser reads it (JavaScript's and Python's keep the last of
/// a repeated member): no member twice, and <c>status</c> is the HTTP status. Every test that reads a problem's type
/// through the shared helpers checks the same (<see cref="StrictJson"/>).
/// </summary>
public sealed class ProblemJsonTests(WithdrawalsApp app) : IClassFixture<WithdrawalsApp>
{
    [Fact]
    public async Task A_refused_deposit_claim_has_one_status_the_http_one()
    {
        var user = await app.CreateSellerAsync("0");

        var response = await user.Http.PostAsJsonAsync("/api/deposits/claims", new { txId = "0xabc" });

        var problem = await StrictJson.AssertProblemAsync(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("refused", problem.GetProperty("claimStatus").GetString());
    }

    [Fact]
    public async Task Every_endpoint_groups_problems_parse_strictly()
    {
        var admin = await app.CreateSellerAsync("0", admin: true);
        var user = await app.CreateSellerAsync("10");
        var unknown = Guid.NewGuid();
        var calls = new (string Group, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("deposits", () => user.Http.PostAsJsonAsync("/api/deposits/claims", new { txId = new string('0', 64) + "z" })),
            ("withdrawals", () => user.Http.PostAsJsonAsync("/api/withdrawals", new { amount = "lots", toAddress = "nowhere" })),
            ("withdrawal review", () => admin.Http.PostAsync(new Uri("/api/admin/withdrawals/999999999/approve", UriKind.Relative), null)),
            ("treasury", () => admin.Http.PostAsJsonAsync("/api/admin/treasury/sweep", new { privateKey = "not-a-key" })),
            ("settings", () => admin.Http.PutAsJsonAsync("/api/admin/settings", new { values = new Dictionary<string, string> { ["No:Such"] = "1" } })),
            ("moderation", () => admin.Http.PostAsJsonAsync("/api/admin/users/no-such-user/ban", new { reason = "test" })),
            ("reports", () => admin.Http.PostAsJsonAsync("/api/admin/reports/999999999/dismiss", new { note = "test" })),
            ("disputes", () => admin.Http.PostAsJsonAsync("/api/admin/disputes/999999999/decide", new { outcome = "Reject", note = "test" })),
            ("tips", () => user.Http.PostAsJsonAsync($"/api/chats/{unknown}/tips", new { tokens = "1", clientKey = "k" })),
            ("ratings", () => user.Http.PostAsJsonAsync($"/api/chats/{unknown}/rating", new { stars = 5 })),
            ("sellers", () => user.Http.GetAsync(new Uri("/api/sellers/no-such-seller", UriKind.Relative))),
            ("chat requests", () => user.Http.PostAsJsonAsync("/api/chat-requests", new { sellerId = "no-such-seller" })),
            ("auth", () => app.CreateClient().PostAsJsonAsync("/api/auth/signup", new { email = "not-an-email", password = "x" })),
        };

        foreach (var (group, call) in calls)
        {
            var response = await call();
            Assert.True((int)response.StatusCode >= 400, $"{group}: {response.StatusCode}");
            try
            {
                await StrictJson.AssertProblemAsync(response);
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException)
            {
                throw new Xunit.Sdk.XunitException($"{group}: {e.Message}");
            }
        }
    }
}
