using System.Net;
using System.Net.Http.Json;
using Meterchat.Accounts;
using Meterchat.Data;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.IntegrationTests.Sellers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Moderation;

/// <summary>What an admin does over the API in moderation tests, and a person signing in from a given address.</summary>
public static class ModerationApi
{
    public static async Task<Person> NewAdminAsync(this AppFactory app)
    {
        var (email, _) = await app.CreateVerifiedUserAsync("admin");
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, Roles.Admin)).Succeeded);
        }

        using var login = app.CreateClient();
        var token = (await login.LoginForTokensAsync(email)).AccessToken;
        var client = app.CreateClient(token);
        var me = (await client.GetFromJsonAsync<SellersApi.Me>("/api/auth/me"))!;
        return new Person(me.Id, token, client);
    }

    public static Task<HttpResponseMessage> BanAsync(this Person admin, string userId, string? reason = "Harassment reported twice") =>
        admin.Client.PostAsJsonAsync($"/api/admin/users/{userId}/ban", new { reason });

    public static Task<HttpResponseMessage> UnbanAsync(this Person admin, string userId, string? reason = "Appeal accepted") =>
        admin.Client.PostAsJsonAsync($"/api/admin/users/{userId}/unban", new { reason });

    public static async Task<List<AuditRow>> AuditAsync(this Person admin, string query)
    {
        var page = await admin.Client.GetFromJsonAsync<AuditPage>($"/api/admin/audit-log?{query}");
        return page!.Rows;
    }

    public static async Task<UserDetails> UserAsync(this Person admin, string userId)
    {
        var response = await admin.Client.GetAsync($"/api/admin/users/{userId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<UserDetails>())!;
    }

    /// <summary>Signs <paramref name="email"/> in again from <paramref name="ip"/> in its own browser: a sighting.</summary>
    public static async Task SignInFromAsync(this AppFactory app, string email, string ip)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, ip);
        await client.LoginForTokensAsync(email);
    }

    public sealed record AuditRow(long Id, DateTimeOffset At, string ActorId, string ActorEmail, string Action, string Target, string Reason, string? Details);

    public sealed record AuditPage(List<AuditRow> Rows, long? NextBefore);

    public sealed record FlagRow(long Id, string Rule, string Evidence, DateTimeOffset RaisedAt, DateTimeOffset? ClearedAt);

    public sealed record UserDetails(string Id, string Email, DateTimeOffset? BannedAt, List<string> Roles, List<FlagRow> Flags, List<AuditRow> Audit);
}
