using System.Net;
using System.Net.Http.Json;
using Meterchat.Accounts;
using Meterchat.Data;
using Meterchat.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Accounts;

public sealed class LoginTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Login_gives_a_bearer_token_that_authorises_api_calls()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();
        await client.SignUpAsync(email);

        var tokens = await client.LoginForTokensAsync(email);

        Assert.Equal("Bearer", tokens.TokenType);
        using var authorized = factory.CreateClient(tokens.AccessToken);
        var me = await authorized.GetFromJsonAsync<AccountSummary>("/api/auth/me");
        Assert.Equal(email, me!.Email);
    }

    [Fact]
    public async Task Api_call_without_a_token_is_unauthorised()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_call_with_a_forged_token_is_unauthorised()
    {
        using var client = factory.CreateClient("not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_stable_problem_type()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();
        await client.SignUpAsync(email);

        var response = await client.LoginAsync(email, "not the password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(AuthProblems.InvalidCredentials, await response.ProblemTypeAsync());
    }

    [Fact]
    public async Task Banned_user_cannot_log_in_nor_refresh_an_earlier_token()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();
        await client.SignUpAsync(email);
        var before = await client.LoginForTokensAsync(email);

        await BanAsync(email);

        var login = await client.LoginAsync(email);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(AuthProblems.Banned, await login.ProblemTypeAsync());
        var refresh = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = before.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task Refresh_token_gives_a_new_access_token()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();
        await client.SignUpAsync(email);
        var tokens = await client.LoginForTokensAsync(email);

        var refresh = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var fresh = await refresh.Content.ReadFromJsonAsync<AccountsApi.Tokens>();
        using var authorized = factory.CreateClient(fresh!.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await authorized.GetAsync("/api/auth/me")).StatusCode);
    }

    private async Task BanAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.BannedAt = factory.Time.GetUtcNow();
        Assert.True((await users.UpdateAsync(user)).Succeeded);
    }
}
