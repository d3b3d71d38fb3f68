using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Meterchat.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Meterchat.IntegrationTests.Accounts;

/// <summary>What a script does with the accounts API: sign up, read the outbox, verify, sign in. Other features' tests reuse it.</summary>
public static partial class AccountsApi
{
    public const string Password = "correct horse battery";

    public static string NewEmail(string who = "user") => $"{who}-{Guid.NewGuid():N}@example.test";

    public static Task<HttpResponseMessage> SignUpAsync(this HttpClient client, string email, string password = Password, bool confirmAdult = true) =>
        client.PostAsJsonAsync("/api/auth/signup", new { email, password, confirmAdult });

    public static Task<HttpResponseMessage> LoginAsync(
        this HttpClient client, string email, string password = Password, string? twoFactorCode = null, string? recoveryCode = null) =>
        client.PostAsJsonAsync("/api/auth/login", new { email, password, twoFactorCode, twoFactorRecoveryCode = recoveryCode });

    public static async Task<Tokens> LoginForTokensAsync(this HttpClient client, string email, string password = Password, string? twoFactorCode = null)
    {
        var response = await client.LoginAsync(email, password, twoFactorCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Tokens>())!;
    }

    /// <summary>A client that sends the bearer token, as a script would.</summary>
    public static HttpClient CreateClient(this WebApplicationFactory<Program> factory, string accessToken)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>A new user who signed up, verified the email from the outbox, and signed in: the token.</summary>
    public static async Task<(string Email, string AccessToken)> CreateVerifiedUserAsync(this AppFactory factory, string who = "user")
    {
        using var client = factory.CreateClient();
        var email = NewEmail(who);
        var signedUp = await client.SignUpAsync(email);
        Assert.True(signedUp.StatusCode == HttpStatusCode.OK, await signedUp.Content.ReadAsStringAsync());
        await client.VerifyEmailAsync(email);
        return (email, (await client.LoginForTokensAsync(email)).AccessToken);
    }

    public static async Task<IReadOnlyList<OutboxMailDto>> ReadOutboxAsync(this HttpClient client, string to) =>
        (await client.GetFromJsonAsync<List<OutboxMailDto>>($"/api/dev/outbox?to={Uri.EscapeDataString(to)}"))!;

    /// <summary>
    /// The newest mail to <paramref name="email"/> that matches, waiting for it: mails an anonymous request asks for
    /// are written off the request path (AccountMailQueue), so they land a moment after the answer.
    /// </summary>
    public static async Task<OutboxMailDto> WaitForMailAsync(this HttpClient client, string email, Func<OutboxMailDto, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if ((await client.ReadOutboxAsync(email)).FirstOrDefault(match) is { } mail)
            {
                return mail;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No matching mail to {email}.");
            await Task.Delay(20);
        }
    }

    /// <summary>Opens the verification link of the newest mail to <paramref name="email"/>, like the person would.</summary>
    public static async Task<HttpResponseMessage> VerifyEmailAsync(this HttpClient client, string email)
    {
        var mail = Assert.Single(await client.ReadOutboxAsync(email), m => m.Subject.Contains("Verify", StringComparison.Ordinal));
        var link = LinkPattern().Match(mail.Text).Value;
        Assert.Contains("/Account/ConfirmEmail", link, StringComparison.Ordinal);
        var response = await client.GetAsync(new Uri(link));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your email is verified", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return response;
    }

    /// <summary>The problem's type; a problem body is first checked as a strict parser reads it (<see cref="StrictJson"/>).</summary>
    public static async Task<string?> ProblemTypeAsync(this HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            return (await StrictJson.AssertProblemAsync(response)).GetProperty("type").GetString();
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("type", out var type) ? type.GetString() : null;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();

    public sealed record Tokens(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

    public sealed record OutboxMailDto(long Id, string To, string Subject, string Text, string Html, DateTimeOffset CreatedAt);
}
