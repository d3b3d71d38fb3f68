using System.Net;
using System.Net.Http.Json;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.IntegrationTests.Moderation;
using Meterchat.Sellers;

namespace Meterchat.IntegrationTests.Sellers;

/// <summary>The storefront is public (a visitor looks before signing up); everything that acts still needs an account.</summary>
public sealed class PublicBrowseTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_visitor_reads_browse_and_a_sellers_page_and_their_apis_but_cannot_request_tip_or_report()
    {
        var seller = await app.NewPersonAsync("seller");
        await seller.SaveProfileAsync(rate: 20, tags: ["poetry"], name: "Visible Vera");
        var visitor = app.CreateClient(new() { AllowAutoRedirect = false });

        var browsePage = await visitor.GetAsync("/browse");
        var sellerPage = await visitor.GetAsync($"/sellers/{seller.Id}");
        var list = await visitor.GetFromJsonAsync<BrowsePage>("/api/sellers?tag=poetry");
        var card = await visitor.GetFromJsonAsync<SellerCard>($"/api/sellers/{seller.Id}");
        var reviews = await visitor.GetAsync($"/api/sellers/{seller.Id}/reviews");

        Assert.Equal(HttpStatusCode.OK, browsePage.StatusCode);
        Assert.Contains("<title>Browse sellers · Meterchat</title>", WebUtility.HtmlDecode(await browsePage.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, sellerPage.StatusCode);
        var html = WebUtility.HtmlDecode(await sellerPage.Content.ReadAsStringAsync());
        Assert.Contains("Visible Vera", html);
        Assert.Contains("Sign in to request", html);
        Assert.Contains("<meta property=\"og:title\" content=\"Visible Vera · video chat at 20 tokens/min\">", html);
        Assert.Contains("<meta name=\"description\" content=\"Hello\">", html);
        Assert.Contains(">New<", html); // unrated: "New", not the prior average with "(0)"
        Assert.Equal([seller.Id], list!.Items.Select(i => i.Id));
        Assert.Equal("Visible Vera", card!.DisplayName);
        Assert.Equal(HttpStatusCode.OK, reviews.StatusCode);

        var someSession = Guid.NewGuid();
        var request = await visitor.PostAsJsonAsync("/api/chat-requests", new ChatRequestInput(seller.Id, 20, null));
        var match = await visitor.PostAsJsonAsync("/api/quick-match", new QuickMatchInput(30, [], null));
        var report = await visitor.PostAsJsonAsync("/api/reports", new ReportInput(seller.Id, "spam"));
        var tip = await visitor.PostAsJsonAsync($"/api/chats/{someSession}/tips", new { tokens = "5" });
        var presence = await visitor.GetAsync("/hubs/presence/negotiate");
        var topup = await visitor.GetAsync("/topup");
        foreach (var refused in new[] { request, match, report, tip })
        {
            Assert.True(refused.StatusCode is HttpStatusCode.Unauthorized, $"{refused.RequestMessage!.RequestUri}: {refused.StatusCode}");
        }

        Assert.NotEqual(HttpStatusCode.OK, presence.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, topup.StatusCode);
        Assert.Contains("/Account/Login", topup.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_banned_seller_vanishes_from_browse_and_their_page()
    {
        var admin = await app.NewAdminAsync();
        var seller = await app.NewPersonAsync("seller");
        await seller.SaveProfileAsync(rate: 20, tags: ["banned-soon"]);
        var visitor = app.CreateClient();
        Assert.Single((await visitor.GetFromJsonAsync<BrowsePage>("/api/sellers?tag=banned-soon"))!.Items);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.BanAsync(seller.Id)).StatusCode);

        Assert.Empty((await visitor.GetFromJsonAsync<BrowsePage>("/api/sellers?tag=banned-soon"))!.Items);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/sellers/{seller.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/sellers/{seller.Id}")).StatusCode);
    }
}
