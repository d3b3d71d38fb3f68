using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Meterchat.Accounts;
using Meterchat.IntegrationTests.Infrastructure;

namespace Meterchat.IntegrationTests.Accounts;

/// <summary>A stolen bearer token must not become the account (issue 13, items 1, 2, 6, 7).</summary>
public sealed partial class AccountSecurityTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task<(string Email, HttpClient Client, string Key)> UserWithTwoFactorAsync()
    {
        var (email, _) = await factory.CreateVerifiedUserAsync();
        var (key, _) = await TwoFactorTests.EnableTwoFactorAsync(factory, email);
        using var login = factory.CreateClient();
        var tokens = await login.LoginForTokensAsync(email, twoFactorCode: TwoFactorTests.CurrentCode(factory, key));
        factory.Time.Advance(TimeSpan.FromSeconds(30));
        return (email, factory.CreateClient(tokens.AccessToken), key);
    }

    [Fact]
    public async Task Two_factor_cannot_be_turned_off_or_recovery_codes_renewed_with_the_token_alone()
    {
        var (email, client, key) = await UserWithTwoFactorAsync();

        var off = await client.PostAsJsonAsync("/api/auth/manage/2fa", new { enable = false });
        var codes = await client.PostAsJsonAsync("/api/auth/manage/2fa", new { resetRecoveryCodes = true });
        var state = await (await client.PostAsJsonAsync("/api/auth/manage/2fa", new { })).Content.ReadFromJsonAsync<TwoFactorState>();

        Assert.Equal(AuthProblems.StepUpRequired, await off.ProblemTypeAsync());
        Assert.Equal(AuthProblems.StepUpRequired, await codes.ProblemTypeAsync());
        Assert.True(state!.IsTwoFactorEnabled);
        Assert.Null(state.SharedKey); // the key is never handed out again once it is on

        var withStepUp = await client.PostAsJsonAsync("/api/auth/manage/2fa",
            new { enable = false, password = AccountsApi.Password, twoFactorCode = TwoFactorTests.CurrentCode(factory, key) });
        Assert.Equal(HttpStatusCode.OK, withStepUp.StatusCode);
        await client.WaitForMailAsync(email, m => m.Subject.Contains("Two-factor sign-in was turned off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_authenticator_code_signs_in_once()
    {
        var (email, _) = await factory.CreateVerifiedUserAsync();
        var (key, _) = await TwoFactorTests.EnableTwoFactorAsync(factory, email);
        using var client = factory.CreateClient();
        var code = TwoFactorTests.CurrentCode(factory, key);

        Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync(email, twoFactorCode: code)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync(email, twoFactorCode: code)).StatusCode);
    }

    [Fact]
    public async Task Email_change_needs_the_password_and_tells_the_old_address_with_a_way_back()
    {
        var (email, token) = await factory.CreateVerifiedUserAsync();
        using var client = factory.CreateClient(token);
        var newEmail = AccountsApi.NewEmail("thief");

        var tokenOnly = await client.PostAsJsonAsync("/api/auth/manage/info", new { newEmail });
        Assert.Equal(AuthProblems.StepUpRequired, await tokenOnly.ProblemTypeAsync());
        Assert.Empty(await client.ReadOutboxAsync(newEmail));

        var asked = await client.PostAsJsonAsync("/api/auth/manage/info", new { newEmail, oldPassword = AccountsApi.Password });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var confirm = LinkPattern().Match(Assert.Single(await client.ReadOutboxAsync(newEmail)).Text).Value;
        Assert.StartsWith("http://localhost/Account/ConfirmEmail", confirm, StringComparison.Ordinal);
        var notice = Assert.Single(await client.ReadOutboxAsync(email), m => m.Subject.Contains("being changed", StringComparison.Ordinal));
        var revert = LinkPattern().Match(notice.Text).Value;

        using var anonymous = factory.CreateClient();
        Assert.Contains("Your email is verified", await anonymous.GetStringAsync(new Uri(confirm)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.LoginAsync(newEmail)).StatusCode);

        // The owner undoes it from the old address: the account is back, the thief's sign-in is gone.
        var form = await anonymous.GetStringAsync(new Uri(revert));
        var fields = HiddenField().Matches(form).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        var undone = await anonymous.PostAsync(new Uri(revert), new FormUrlEncodedContent(fields));
        Assert.Contains("back on this address", await undone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.LoginAsync(newEmail)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.LoginAsync(email)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_password_change_ends_the_access_tokens_issued_before_it()
    {
        var (email, token) = await factory.CreateVerifiedUserAsync();
        using var client = factory.CreateClient(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);

        var changed = await client.PostAsJsonAsync("/api/auth/manage/info", new { newPassword = "a whole new passphrase", oldPassword = AccountsApi.Password });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
        await client.WaitForMailAsync(email, m => m.Subject.Contains("password was changed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_its_reuse_ends_the_sign_in()
    {
        var (email, _) = await factory.CreateVerifiedUserAsync();
        using var client = factory.CreateClient();
        var first = await client.LoginForTokensAsync(email);

        var rotated = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var second = (await rotated.Content.ReadFromJsonAsync<AccountsApi.Tokens>())!;

        var replay = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);

        // The reuse revoked the family: the newest refresh and access tokens are dead too.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = second.RefreshToken })).StatusCode);
        using var stolen = factory.CreateClient(second.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stolen.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_members_and_strangers()
    {
        var (email, _) = await factory.CreateVerifiedUserAsync();
        using var client = factory.CreateClient();

        var member = await client.PostAsJsonAsync("/api/auth/forgotPassword", new { email });
        var stranger = await client.PostAsJsonAsync("/api/auth/forgotPassword", new { email = AccountsApi.NewEmail("nobody") });

        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stranger.StatusCode);
        Assert.Equal(await member.Content.ReadAsStringAsync(), await stranger.Content.ReadAsStringAsync());
        await client.WaitForMailAsync(email, m => m.Subject.Contains("reset code", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"<input[^>]*name=""(\w+)""[^>]*value=""([^""]*)""")]
    private static partial Regex HiddenField();
}
