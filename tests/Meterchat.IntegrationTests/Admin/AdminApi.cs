using System.Net.Http.Json;
using Meterchat.Accounts;
using Meterchat.Admin.Dashboard;
using Meterchat.Admin.Settings;
using Meterchat.Data;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Admin;

/// <summary>An admin's client and the console's API calls.</summary>
public static class AdminApi
{
    public static async Task<HttpClient> NewAdminAsync(this AppFactory app) => app.CreateClient(await app.NewAdminTokenAsync());

    public static async Task<string> NewAdminTokenAsync(this AppFactory app)
    {
        var (email, _) = await app.CreateVerifiedUserAsync("admin");
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, Roles.Admin)).Succeeded);
        }

        using var login = app.CreateClient();
        return (await login.LoginForTokensAsync(email)).AccessToken;
    }

    public static Task<HttpResponseMessage> ChangeSettingsAsync(this HttpClient admin, Dictionary<string, string?> values, string reason = "test") =>
        admin.PutAsJsonAsync("/api/admin/settings", new SettingsChange(values, reason));

    public static async Task<SettingsView> SettingsAsync(this HttpClient admin) =>
        (await admin.GetFromJsonAsync<SettingsView>("/api/admin/settings"))!;

    public static async Task<SettingView> SettingAsync(this HttpClient admin, string key) =>
        (await admin.SettingsAsync()).Settings.Single(s => s.Key == key);

    public static async Task<DashboardView> DashboardAsync(this HttpClient admin) =>
        (await admin.GetFromJsonAsync<DashboardView>("/api/admin/dashboard"))!;
}
