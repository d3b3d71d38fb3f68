using System.Net;
using System.Net.Http.Json;
using Meterchat.Accounts;
using Meterchat.IntegrationTests.Infrastructure;

namespace Meterchat.IntegrationTests.Accounts;

public sealed class SignUpTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Sign_up_without_the_adult_confirmation_is_refused_and_creates_no_account()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();

        var response = await client.SignUpAsync(email, confirmAdult: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(AuthProblems.NotAdult, await response.ProblemTypeAsync());
        Assert.Contains("18 or older", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync(email)).StatusCode);
        Assert.Empty(await client.ReadOutboxAsync(email));
    }

    [Fact]
    public async Task Sign_up_creates_an_unverified_buyer_and_mails_a_verification_link()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();

        var response = await client.SignUpAsync(email);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Check your email", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var authorized = factory.CreateClient((await client.LoginForTokensAsync(email)).AccessToken);
        var account = await authorized.GetFromJsonAsync<AccountSummary>("/api/auth/me");
        Assert.Equal(email, account!.Email);
        Assert.False(account.EmailConfirmed);
        Assert.Equal([Roles.Buyer], account.Roles);
        var mail = Assert.Single(await client.ReadOutboxAsync(email));
        Assert.Contains("/Account/ConfirmEmail?userId=", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Following_the_mailed_link_verifies_the_email()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();
        await client.SignUpAsync(email);

        await client.VerifyEmailAsync(email);

        var tokens = await client.LoginForTokensAsync(email);
        using var authorized = factory.CreateClient(tokens.AccessToken);
        var me = await authorized.GetFromJsonAsync<AccountSummary>("/api/auth/me");
        Assert.True(me!.EmailConfirmed);
    }

    [Fact]
    public async Task A_tampered_verification_link_does_not_verify()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();
        await client.SignUpAsync(email);
        using var signedIn = factory.CreateClient((await client.LoginForTokensAsync(email)).AccessToken);
        var account = await signedIn.GetFromJsonAsync<AccountSummary>("/api/auth/me");

        var page = await client.GetStringAsync($"/Account/ConfirmEmail?userId={account!.Id}&code=bm90LWEtdG9rZW4");

        Assert.Contains("This link is not valid", page, StringComparison.Ordinal);
        var tokens = await client.LoginForTokensAsync(email);
        using var authorized = factory.CreateClient(tokens.AccessToken);
        Assert.False((await authorized.GetFromJsonAsync<AccountSummary>("/api/auth/me"))!.EmailConfirmed);
    }

    [Fact]
    public async Task Signing_up_with_a_taken_email_answers_like_a_new_one_and_tells_the_owner()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();
        var first = await client.SignUpAsync(email);

        var again = await client.SignUpAsync(email.ToUpperInvariant(), password: "another long passphrase");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        await client.WaitForMailAsync(email, m => m.Subject.Contains("tried to sign up", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync(email, "another long passphrase")).StatusCode);
    }

    [Theory]
    [InlineData("password123")]
    [InlineData("qwertyuiop")]
    [InlineData("1234567890")]
    [InlineData("iloveyou2024")]
    public async Task A_common_password_is_refused_with_the_reason(string password)
    {
        using var client = factory.CreateClient();

        var response = await client.SignUpAsync(AccountsApi.NewEmail(), password: password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(AuthProblems.InvalidSignUp, await response.ProblemTypeAsync());
        Assert.Contains("too common", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mailed_links_use_the_configured_public_address_not_the_host_header()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Host = "evil.example";
        var email = AccountsApi.NewEmail();

        await client.SignUpAsync(email);

        var mail = Assert.Single(await client.ReadOutboxAsync(email));
        Assert.Contains("http://localhost/Account/ConfirmEmail", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_password_is_refused_with_the_reason()
    {
        using var client = factory.CreateClient();

        var response = await client.SignUpAsync(AccountsApi.NewEmail(), password: "short");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(AuthProblems.InvalidSignUp, await response.ProblemTypeAsync());
        Assert.Contains("at least 10 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identity_register_endpoint_cannot_bypass_the_adult_rule()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();

        var response = await client.PostAsJsonAsync("/api/auth/register", new { email, password = AccountsApi.Password });

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal(AuthProblems.UseSignUp, await response.ProblemTypeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync(email)).StatusCode);
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.DoesNotContain("/api/auth/register", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/auth/signup", openApi, StringComparison.Ordinal);
    }
}
