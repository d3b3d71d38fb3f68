using System.Net;
using System.Text.RegularExpressions;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Trust.Fraud;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Meterchat.IntegrationTests.Sellers;

/// <summary>
/// The anonymous <c>/browse</c> page comes from the output cache (BrowseCache.PagePolicyName); what one person sees
/// there never reaches another: no signed-in rendering is stored, no cached rendering is served to a signed-in user,
/// and the shared page holds no antiforgery token and sets no cookie.
/// </summary>
public sealed partial class BrowsePageCacheTests(BrowsePageCacheTests.App app) : IClassFixture<BrowsePageCacheTests.App>
{
    /// <summary>Entries live long enough that a slow machine cannot expire one between two requests of a test.</summary>
    public sealed class App : AppFactory
    {
        public App() => Settings["Sellers:BrowseCacheSeconds"] = "60";
    }

    [Fact]
    public async Task Two_visitors_get_one_shared_rendering_that_holds_no_token_and_sets_no_cookie()
    {
        using var first = app.CreateClient();
        using var second = app.CreateClient();

        var one = await first.GetAsync("/browse?tag=poetry");
        var other = await second.GetAsync("/browse");

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.NotNull(other.Headers.Age); // served from the cache (the query does not change the page)
        var html = await one.Content.ReadAsStringAsync();
        Assert.Equal(html, await other.Content.ReadAsStringAsync());
        Assert.Contains("Sign in to request", html, StringComparison.Ordinal);
        Assert.DoesNotContain("request-verification-token", html, StringComparison.Ordinal);
        Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);
        Assert.False(one.Headers.Contains("Set-Cookie"));
        Assert.False(other.Headers.Contains("Set-Cookie"));
        Assert.Equal("nosniff", other.Headers.GetValues("X-Content-Type-Options").Single()); // security headers on a cached page too
        Assert.Contains("frame-ancestors 'none'", other.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // The browser still gets its device id on its next page that is not shared.
        var login = await first.GetAsync("/Account/Login");
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(DeviceCookie.Name + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signed_in_user_never_gets_the_anonymous_page_and_visitors_never_get_theirs()
    {
        using var visitor = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/browse")).StatusCode); // the anonymous page is cached now
        using var browser = app.CreateClient();
        var email = await SignInWithCookieAsync(browser);

        var signedIn = await browser.GetAsync("/browse");
        var signedInAgain = await browser.GetAsync("/browse");
        var visitorAfter = await visitor.GetAsync("/browse");

        Assert.Null(signedIn.Headers.Age);
        Assert.Null(signedInAgain.Headers.Age); // a signed-in rendering is never stored either
        var mine = await signedInAgain.Content.ReadAsStringAsync();
        Assert.Contains(email, mine, StringComparison.Ordinal);
        Assert.Contains("id=\"quick-match\"", mine, StringComparison.Ordinal);
        Assert.Matches(RequestToken(), mine);
        Assert.NotNull(visitorAfter.Headers.Age);
        var shared = await visitorAfter.Content.ReadAsStringAsync();
        Assert.DoesNotContain(email, shared, StringComparison.Ordinal);
        Assert.DoesNotContain("request-verification-token", shared, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"quick-match\"", shared, StringComparison.Ordinal);

        // A script with a bearer token is not served the shared page either.
        var (_, token) = await app.CreateVerifiedUserAsync("script");
        using var script = app.CreateClient(token);
        Assert.Null((await script.GetAsync("/browse")).Headers.Age);
    }

    [Fact]
    public async Task A_visitor_just_signed_out_sees_the_status_on_browse_and_then_the_shared_page()
    {
        using var visitor = app.CreateClient();
        await visitor.GetAsync("/browse"); // cached
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInWithCookieAsync(browser);
        var signedOut = await PostFormAsync(browser, "/Account/Logout", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var withStatus = await browser.GetAsync("/browse");
        var next = await browser.GetAsync("/browse");

        Assert.Null(withStatus.Headers.Age);
        Assert.Contains("You are signed out.", await withStatus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(next.Headers.Age);
        Assert.DoesNotContain("You are signed out.", await next.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_spelling_of_the_path_does_not_change_the_cached_pages_canonical_link()
    {
        using var visitor = app.CreateClient();

        await visitor.GetAsync("/BROWSE");
        var html = await visitor.GetStringAsync("/browse");

        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/browse\">", html, StringComparison.Ordinal);
    }

    private static async Task<string> SignInWithCookieAsync(HttpClient client)
    {
        var email = AccountsApi.NewEmail("browser");
        Assert.Equal(HttpStatusCode.OK, (await client.SignUpAsync(email)).StatusCode);
        var signedIn = await PostFormAsync(client, "/Account/Login", new() { ["Email"] = email, ["Password"] = AccountsApi.Password });
        Assert.True(signedIn.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, signedIn.StatusCode.ToString());
        Assert.Contains(email, await client.GetStringAsync("/Account"), StringComparison.Ordinal);
        return email;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(url);
        fields["__RequestVerificationToken"] = FormToken().Match(form).Groups[1].Value;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex FormToken();

    [GeneratedRegex(@"<meta name=""request-verification-token"" content=""[^""]+"">")]
    private static partial Regex RequestToken();
}
