using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Admin;
using Meterchat.IntegrationTests.Infrastructure;

namespace Meterchat.IntegrationTests.Observability;

/// <summary>The admin System page and its JSON: for admins only.</summary>
public sealed class SystemPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_admin_sees_the_checks_and_figures_and_the_page_links_from_the_console()
    {
        using var admin = await app.NewAdminAsync();

        var page = await admin.GetStringAsync(new Uri("/admin/system", UriKind.Relative));
        using var json = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/admin/system", UriKind.Relative)));

        Assert.Contains("<h1>System</h1>", page, StringComparison.Ordinal);
        Assert.Contains("tron-node", page, StringComparison.Ordinal);
        Assert.Contains("deposit-watcher", page, StringComparison.Ordinal);
        Assert.Contains("Reserves − liabilities", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/system\" aria-current=\"page\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/system\"", await admin.GetStringAsync(new Uri("/admin", UriKind.Relative)), StringComparison.Ordinal);
        var checks = json.RootElement.GetProperty("health").GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("database", checks);
        Assert.Contains("meter-clock", checks);
        Assert.True(json.RootElement.GetProperty("figures").TryGetProperty("liabilitiesMicros", out _));
        Assert.True(json.RootElement.GetProperty("figures").TryGetProperty("reservesSurplusMicros", out _));
    }

    [Fact]
    public async Task Anyone_else_is_refused()
    {
        var (email, token) = await app.CreateVerifiedUserAsync("buyer");
        using var bearer = app.CreateClient(token);
        using var cookie = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await cookie.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = AccountsApi.Password })).StatusCode);
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        Assert.True(Refused(await cookie.GetAsync(new Uri("/admin/system", UriKind.Relative))));
        Assert.True(Refused(await anonymous.GetAsync(new Uri("/admin/system", UriKind.Relative))));
        Assert.Equal(HttpStatusCode.Forbidden, (await bearer.GetAsync(new Uri("/api/admin/system", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/admin/system", UriKind.Relative))).StatusCode);
    }

    /// <summary>A page refuses with 403 or by sending the browser to sign in / access denied.</summary>
    private static bool Refused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString() is { } to
            && (to.Contains("/Account/Login", StringComparison.Ordinal) || to.Contains("/Account/AccessDenied", StringComparison.Ordinal)));
}
