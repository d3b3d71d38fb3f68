using System.Net;
using System.Text.RegularExpressions;
using Meterchat.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Meterchat.IntegrationTests.Accounts;

/// <summary>The browser's way: server-rendered forms with antiforgery tokens and the auth cookie.</summary>
public sealed partial class AccountPagesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Register_page_shows_a_labelled_form_with_the_adult_confirmation()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/Account/Register");

        Assert.Matches(@"<label for=""Email"">Email</label>", html);
        Assert.Matches(@"<label for=""Password"">Password</label>", html);
        Assert.Matches(@"<label for=""ConfirmAdult"">I confirm that I am 18 or older", html);
        Assert.Matches(@"<input[^>]*type=""checkbox""[^>]*id=""ConfirmAdult""|<input[^>]*id=""ConfirmAdult""[^>]*type=""checkbox""", html);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_through_the_form_mails_a_link_that_verifies_then_sign_in_works()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();

        var refused = await PostFormAsync(client, "/Account/Register", new() { ["Email"] = email, ["Password"] = AccountsApi.Password });
        Assert.Contains("confirm that you are 18 or older", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var accepted = await PostFormAsync(client, "/Account/Register", new() { ["Email"] = email, ["Password"] = AccountsApi.Password, ["ConfirmAdult"] = "true" });
        Assert.Equal("/Account/CheckEmail", accepted.RequestMessage!.RequestUri!.AbsolutePath);
        var checkEmail = await accepted.Content.ReadAsStringAsync();
        Assert.Contains("Check your email", checkEmail, StringComparison.Ordinal);
        Assert.Contains(email, checkEmail, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"balance-widget\"", checkEmail, StringComparison.Ordinal);

        await client.VerifyEmailAsync(email);
        await PostFormAsync(client, "/Account/Login", new() { ["Email"] = email, ["Password"] = AccountsApi.Password });
        var account = await client.GetStringAsync("/Account");
        Assert.Contains(">Verified<", account, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_form_signs_in_and_logout_signs_out()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();
        await client.SignUpAsync(email);

        var wrong = await PostFormAsync(client, "/Account/Login", new() { ["Email"] = email, ["Password"] = "not the password" });
        Assert.Contains("Wrong email or password", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var signedIn = await PostFormAsync(client, "/Account/Login?ReturnUrl=%2FAccount", new() { ["Email"] = email, ["Password"] = AccountsApi.Password });
        Assert.Equal("/Account", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(email, await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await PostFormAsync(client, "/Account/Logout", []);
        var afterLogout = await client.GetAsync("/Account");
        Assert.Equal("/Account/Login", afterLogout.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Login_form_asks_for_the_code_when_two_factor_is_on()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();
        await client.SignUpAsync(email);
        var (sharedKey, _) = await TwoFactorTests.EnableTwoFactorAsync(factory, email);

        var step1 = await PostFormAsync(client, "/Account/Login", new() { ["Email"] = email, ["Password"] = AccountsApi.Password });
        Assert.Equal("/Account/LoginWith2fa", step1.RequestMessage!.RequestUri!.AbsolutePath);

        var step2 = await PostFormAsync(client, step1.RequestMessage.RequestUri.PathAndQuery, new() { ["Code"] = Totp.Code(sharedKey, factory.Time.GetUtcNow()) });
        Assert.Equal("/", step2.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(email, await client.GetStringAsync("/Account"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_factor_setup_page_shows_the_key_and_a_qr_code()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();
        await client.SignUpAsync(email);
        await PostFormAsync(client, "/Account/Login", new() { ["Email"] = email, ["Password"] = AccountsApi.Password });

        var html = await client.GetStringAsync("/Account/TwoFactor");

        Assert.Contains("<svg", html, StringComparison.Ordinal);
        var key = SharedKey().Match(html).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        Assert.Equal(32, key.Length);

        var enabled = await PostFormAsync(client, "/Account/TwoFactor?handler=Enable", new() { ["Code"] = Totp.Code(key, factory.Time.GetUtcNow()) });
        var page = await enabled.Content.ReadAsStringAsync();
        Assert.Contains("Save your recovery codes", page, StringComparison.Ordinal);
        Assert.Equal(10, Regex.Count(page, "<li>[0-9A-Z]{5}-[0-9A-Z]{5}</li>"));
    }

    [Fact]
    public async Task Forgotten_password_is_reset_through_the_mailed_link()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();
        await client.SignUpAsync(email);
        await client.VerifyEmailAsync(email);

        var asked = await PostFormAsync(client, "/Account/ForgotPassword", new() { ["Email"] = email });
        Assert.Contains("a reset link is on its way", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var mail = await client.WaitForMailAsync(email, m => m.Subject.Contains("Reset", StringComparison.Ordinal));
        var link = new Uri(Link().Match(mail.Text).Value);
        Assert.Equal("/Account/ResetPassword", link.AbsolutePath);

        const string NewPassword = "a brand new passphrase 42";
        var mismatch = await PostFormAsync(client, link.PathAndQuery, new() { ["NewPassword"] = NewPassword, ["ConfirmPassword"] = "something else" });
        Assert.Contains("The two passwords differ", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var reset = await PostFormAsync(client, link.PathAndQuery, new() { ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        Assert.Contains("Your password is changed", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var replay = await PostFormAsync(client, link.PathAndQuery, new() { ["NewPassword"] = "yet another passphrase 7", ["ConfirmPassword"] = "yet another passphrase 7" });
        Assert.Contains("invalid or has expired", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var old = await PostFormAsync(client, "/Account/Login", new() { ["Email"] = email, ["Password"] = AccountsApi.Password });
        Assert.Contains("Wrong email or password", await old.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var signedIn = await PostFormAsync(client, "/Account/Login?ReturnUrl=%2FAccount", new() { ["Email"] = email, ["Password"] = NewPassword });
        Assert.Equal("/Account", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_an_unknown_address_and_mails_nothing()
    {
        using var client = factory.CreateClient();
        var unknown = AccountsApi.NewEmail();

        var asked = await PostFormAsync(client, "/Account/ForgotPassword", new() { ["Email"] = unknown });

        Assert.Contains("a reset link is on its way", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await client.ReadOutboxAsync(unknown));
    }

    [Fact]
    public async Task Private_pages_send_an_anonymous_browser_to_the_login_page()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/Account");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/withdrawals/export.csv")] // a file, not JSON
    [InlineData("/api/withdrawals")]
    public async Task The_api_answers_an_anonymous_caller_401_and_never_a_login_redirect(string path)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Admin_page_is_refused_to_a_buyer()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();
        await client.SignUpAsync(email);
        await PostFormAsync(client, "/Account/Login", new() { ["Email"] = email, ["Password"] = AccountsApi.Password });

        var response = await client.GetAsync("/admin");

        Assert.Equal("/Account/AccessDenied", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Public_pages_and_the_dev_outbox_open_without_signing_in()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();
        await client.SignUpAsync(email);

        var landing = await client.GetStringAsync("/");
        Assert.Contains("/Account/Register", landing, StringComparison.Ordinal);
        Assert.Contains("/browse", landing, StringComparison.Ordinal);
        Assert.Contains(email, await client.GetStringAsync("/dev/outbox"), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(url);
        fields["__RequestVerificationToken"] = Antiforgery().Match(form).Groups[1].Value;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex Antiforgery();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    [GeneratedRegex(@"<code id=""shared-key""[^>]*>([^<]+)</code>")]
    private static partial Regex SharedKey();
}
