using System.Net;
using Meterchat.Accounts;
using Meterchat.IntegrationTests.Infrastructure;

namespace Meterchat.IntegrationTests.Accounts;

// Its own app instance: the test moves the clock.
public sealed class LockoutTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Five_failures_lock_the_account_for_fifteen_minutes_even_with_the_right_password()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();
        await client.SignUpAsync(email);

        for (var i = 1; i <= 4; i++)
        {
            var failed = await client.LoginAsync(email, "wrong password " + i);
            Assert.Equal(AuthProblems.InvalidCredentials, await failed.ProblemTypeAsync());
        }

        var fifth = await client.LoginAsync(email, "wrong password 5");
        Assert.Equal(HttpStatusCode.Unauthorized, fifth.StatusCode);
        Assert.Equal(AuthProblems.LockedOut, await fifth.ProblemTypeAsync());

        var right = await client.LoginAsync(email);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal(AuthProblems.LockedOut, await right.ProblemTypeAsync());

        factory.Time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(AuthProblems.LockedOut, await (await client.LoginAsync(email)).ProblemTypeAsync());

        factory.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync(email)).StatusCode);
    }
}
