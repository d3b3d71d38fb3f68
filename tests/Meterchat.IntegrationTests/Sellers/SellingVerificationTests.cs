using System.Net;
using System.Net.Http.Json;
using Meterchat.Accounts;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Sellers;

namespace Meterchat.IntegrationTests.Sellers;

/// <summary>Selling and reporting need a verified email; reports are limited per person.</summary>
public sealed class SellingVerificationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_unverified_account_cannot_go_online_or_report()
    {
        using var anonymous = app.CreateClient();
        var email = AccountsApi.NewEmail("unverified");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SignUpAsync(email)).StatusCode);
        using var client = app.CreateClient((await anonymous.LoginForTokensAsync(email)).AccessToken);
        var other = await app.NewPersonAsync("subject");
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/seller/profile", new ProfileInput("Unverified", "hi", 10, false, [], ["en"]))).StatusCode);

        var online = await client.PostAsJsonAsync("/api/seller/presence", new PresenceInput(true));
        Assert.Equal(HttpStatusCode.Forbidden, online.StatusCode);
        Assert.Equal(AuthProblems.EmailNotVerified, await online.ProblemTypeAsync());

        var report = await client.PostAsJsonAsync("/api/reports", new ReportInput(other.Id, "spam"));
        Assert.Equal(HttpStatusCode.Forbidden, report.StatusCode);
        Assert.Equal(AuthProblems.EmailNotVerified, await report.ProblemTypeAsync());
    }

    [Fact]
    public async Task Reports_beyond_the_hourly_limit_are_refused_with_429()
    {
        var reporter = await app.NewPersonAsync("reporter");
        var subject = await app.NewPersonAsync("subject");
        for (var i = 0; i < new SellersOptions().ReportsPerHour; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await reporter.Client.PostAsJsonAsync("/api/reports", new ReportInput(subject.Id, $"spam {i}"))).StatusCode);
        }

        var refused = await reporter.Client.PostAsJsonAsync("/api/reports", new ReportInput(subject.Id, "spam again"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(ReportRateLimitPolicy.TooMany, await refused.ProblemTypeAsync());

        // Someone else still can.
        Assert.Equal(HttpStatusCode.OK, (await subject.Client.PostAsJsonAsync("/api/reports", new ReportInput(reporter.Id, "retaliation?"))).StatusCode);
    }
}
