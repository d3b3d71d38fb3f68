using Meterchat.Accounts;
using Meterchat.BrowserTests.Infrastructure;
using Meterchat.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meterchat.BrowserTests.Web;

/// <summary>The pages run under the Content-Security-Policy (no inline script, same-origin connections) without one violation.</summary>
public sealed class ContentSecurityPolicyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task The_main_pages_run_without_a_policy_violation()
    {
        var email = $"csp-{Guid.NewGuid():N}@example.test";
        var page = await app.NewPersonAsync();
        await page.GotoAsync("/");
        await page.GotoAsync("/Account/Register");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        await page.CheckAsync("#ConfirmAdult");
        await page.ClickAsync("button:has-text('Create account')");
        await page.GotoAsync("/dev/outbox");
        await page.Locator("article", new() { HasText = email }).GetByRole(AriaRole.Link, new() { Name = "Open the link" }).First.ClickAsync();
        await page.GetByText("Your email is verified").WaitForAsync();
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, Roles.Admin)).Succeeded);
        }

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();

        foreach (var path in new[] { "/", "/browse", "/topup", "/earnings", "/seller", "/chats", "/Account/TwoFactor",
                     "/admin", "/admin/users", "/admin/withdrawals", "/admin/treasury", "/admin/settings", "/admin/reports", "/admin/audit-log" })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path}: {response.Status}");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        // The seller page saves a profile through the API (fetch with the antiforgery token) and goes online over SignalR.
        await page.GotoAsync("/seller");
        await Expect(page.Locator("form")).Not.ToHaveCountAsync(0);
        Assert.Empty(app.CspViolations);

        // The listener is not blind: an injected inline script is refused and reported.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.inlineRan = true'; document.head.appendChild(s); }");
        await Expect(page.Locator("body")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<bool?>("() => window.inlineRan"));
        for (var i = 0; i < 50 && app.CspViolations.IsEmpty; i++)
        {
            await page.WaitForTimeoutAsync(100);
        }

        Assert.Contains(app.CspViolations, v => v.Contains("script-src", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
