using System.Net;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;

namespace Meterchat.IntegrationTests.Observability;

/// <summary>Lockouts and rate-limit refusals reach <c>/metrics</c> as they happen to a person.</summary>
[Collection(Unshared.Name)]
public sealed class AccountMetricsTests
{
    [Fact]
    public async Task Refused_sign_ins_count_as_lockouts_and_the_attempt_past_the_limit_as_a_rate_limit_refusal()
    {
        await using var app = new AppFactory();
        app.Settings["Observability:MetricsToken"] = ObservedApp.Token;
        app.Settings["Accounts:AttemptsPerWindow"] = "7";
        using var client = app.CreateClient();
        var email = AccountsApi.NewEmail();
        Assert.True((await client.SignUpAsync(email)).IsSuccessStatusCode);

        for (var i = 1; i <= 5; i++)
        {
            await client.LoginAsync(email, "wrong password " + i); // the fifth locks the account
        }

        var locked = await client.LoginAsync(email);
        var limited = await client.LoginAsync(email);
        var m = await ObservedApp.ScrapeAsync(app);

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(2, m.Value("meterchat_lockouts_total"));
        Assert.Equal(1, m.Value("meterchat_ratelimit_refusals_total", "policy=auth"));
        Assert.Equal(0, m.Sum("meterchat_signins_total"));
    }
}
