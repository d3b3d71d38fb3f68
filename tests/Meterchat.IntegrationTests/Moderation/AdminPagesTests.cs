using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.IntegrationTests.Sellers;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Meterchat.IntegrationTests.Moderation;

/// <summary>The admin pages as a browser uses them: the reports queue, banning from it, the user page with its flags, the audit log.</summary>
public sealed partial class AdminPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Admin_acts_on_a_report_by_banning_and_sees_it_on_the_user_page_and_in_the_audit_log()
    {
        var admin = await app.NewAdminAsync();
        var reporter = await app.NewPersonAsync("reporter");
        var subject = await app.NewPersonAsync("subject");
        var filed = await reporter.Client.PostAsJsonAsync("/api/reports", new { subjectId = subject.Id, reason = "Abusive language" });
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        using var browser = await CookieAsync(admin);

        var queue = await browser.GetStringAsync("/admin/reports");
        Assert.Contains("Abusive language", queue, StringComparison.Ordinal);
        Assert.Contains($"/admin/users/{subject.Id}", queue, StringComparison.Ordinal);
        var reportId = ReportRow().Match(queue).Groups[1].Value;
        var act = await browser.PostAsync($"/admin/reports?handler=Act&id={reportId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["note"] = "Confirmed from the chat log",
            ["ban"] = "true",
            ["__RequestVerificationToken"] = Antiforgery(queue),
        }));
        Assert.Equal(HttpStatusCode.Redirect, act.StatusCode);

        var userPage = await browser.GetStringAsync($"/admin/users/{subject.Id}");
        Assert.Contains("banned", userPage, StringComparison.Ordinal);
        Assert.Contains("user.ban", userPage, StringComparison.Ordinal);
        Assert.Contains("Actioned", userPage, StringComparison.Ordinal);
        var audit = await browser.GetStringAsync($"/admin/audit-log?target=user:{subject.Id}");
        Assert.Contains("report.act", audit, StringComparison.Ordinal);
        Assert.Contains("Confirmed from the chat log", audit, StringComparison.Ordinal);
        Assert.Contains(subject.Id, await browser.GetStringAsync("/admin/users?banned=true"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await subject.Client.GetAsync("/api/auth/me")).StatusCode);
    }

    private async Task<HttpClient> CookieAsync(Person person)
    {
        var email = (await person.Client.GetFromJsonAsync<SellersApi.Me>("/api/auth/me"))!.Email;
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = AccountsApi.Password })).StatusCode);
        return client;
    }

    private static string Antiforgery(string html) => AntiforgeryField().Match(html).Groups[1].Value;

    [GeneratedRegex("<tr data-report=\"(\\d+)\"")]
    private static partial Regex ReportRow();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
