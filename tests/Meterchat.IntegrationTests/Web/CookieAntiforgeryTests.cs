using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Sellers;
using Meterchat.Web;

namespace Meterchat.IntegrationTests.Web;

/// <summary>Browser (cookie) calls that change something need the page's antiforgery token; bearer calls do not.</summary>
public sealed partial class CookieAntiforgeryTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Cookie_requests_without_the_pages_token_are_refused_and_with_it_accepted()
    {
        var (email, token) = await app.CreateVerifiedUserAsync("seller");
        using var browser = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = AccountsApi.Password })).StatusCode);
        var profile = new ProfileInput("Cookie seller", "hi", 10, false, [], ["en"]);

        var forged = await browser.PutAsJsonAsync("/api/seller/profile", profile);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(InputProblems.Antiforgery, await forged.ProblemTypeAsync());
        var photo = await browser.PostAsync("/api/seller/photo", Photo());
        Assert.Equal(InputProblems.Antiforgery, await photo.ProblemTypeAsync());
        var leave = await browser.PostAsync($"/api/chats/{Guid.NewGuid()}/leave", null);
        Assert.Equal(InputProblems.Antiforgery, await leave.ProblemTypeAsync());

        var page = await browser.GetStringAsync("/seller");
        var requestToken = TokenPattern().Match(page).Groups[1].Value;
        Assert.NotEmpty(requestToken);
        browser.DefaultRequestHeaders.Add("RequestVerificationToken", requestToken);
        Assert.Equal(HttpStatusCode.OK, (await browser.PutAsJsonAsync("/api/seller/profile", profile)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync("/api/seller/photo", Photo())).StatusCode);

        // A script with the bearer token needs none.
        using var script = app.CreateClient(token);
        Assert.Equal(HttpStatusCode.OK, (await script.PutAsJsonAsync("/api/seller/profile", profile)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await script.PostAsync($"/api/chats/{Guid.NewGuid()}/leave", null)).StatusCode);
    }

    private static MultipartFormDataContent Photo()
    {
        var file = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { file, "photo", "photo.png" } };
    }

    [GeneratedRegex("name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
