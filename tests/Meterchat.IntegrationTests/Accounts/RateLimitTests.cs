using System.Net;
using Meterchat.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Meterchat.IntegrationTests.Accounts;

public sealed class RateLimitTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_answer_429()
    {
        // Three attempts per hour: the window cannot roll over while the test runs.
        using var limited = factory.WithWebHostBuilder(b => b
            .UseSetting("Accounts:AttemptsPerWindow", "3")
            .UseSetting("Accounts:AttemptWindowSeconds", "3600"));
        using var client = limited.CreateClient();
        var email = AccountsApi.NewEmail();

        var signedUp = await client.SignUpAsync(email);
        Assert.True(signedUp.StatusCode == HttpStatusCode.OK, await signedUp.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync(email, "wrong password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync(email)).StatusCode);

        var refused = await client.LoginAsync(email);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(AuthProblems.TooManyAttempts, await refused.ProblemTypeAsync());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        var signUp = await client.SignUpAsync(AccountsApi.NewEmail());
        Assert.Equal(HttpStatusCode.TooManyRequests, signUp.StatusCode);

        // Reading a form is not an attempt.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }
}
