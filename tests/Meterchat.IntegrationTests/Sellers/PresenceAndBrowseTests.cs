using System.Net;
using System.Net.Http.Json;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Sellers;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Sellers;

public sealed class PresenceAndBrowseTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Presence_is_pushed_on_change_and_a_closed_seller_page_goes_offline_after_the_grace()
    {
        var browser = await app.NewPersonAsync("buyer");
        await using var browse = await HubProbe.ConnectAsync(app, browser.Token);

        var (seller, sellerHub) = await app.NewOnlineSellerAsync(rate: 12);
        await browse.WaitAsync<PresenceUpdate>(nameof(IPresenceClient.PresenceChanged), u => u.SellerId == seller.Id && u.Presence == "online");

        await sellerHub.DisposeAsync();
        // The grace runs from when the server saw the page go (OnDisconnected runs after the client's dispose
        // returns); moving the clock before that would start the grace late.
        await ServerSawDisconnectAsync(seller.Id);
        var sweep = app.Services.GetRequiredService<SellerSweep>();
        app.Time.Advance(TimeSpan.FromSeconds(14));
        await sweep.StepAsync();
        Assert.False(browse.HasSeen<PresenceUpdate>(nameof(IPresenceClient.PresenceChanged), u => u.SellerId == seller.Id && u.Presence == "offline"));
        Assert.Equal("online", (await browser.Client.GetFromJsonAsync<SellerCard>($"/api/sellers/{seller.Id}"))!.Presence);

        app.Time.Advance(TimeSpan.FromSeconds(1));
        await sweep.StepAsync();
        await browse.WaitAsync<PresenceUpdate>(nameof(IPresenceClient.PresenceChanged), u => u.SellerId == seller.Id && u.Presence == "offline");
        Assert.Equal("offline", (await browser.Client.GetFromJsonAsync<SellerCard>($"/api/sellers/{seller.Id}"))!.Presence);
    }

    private async Task ServerSawDisconnectAsync(string sellerId)
    {
        var links = app.Services.GetRequiredService<PresenceLinks>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (links.ConnectedSellers().Contains(sellerId))
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    [Fact]
    public async Task Anonymous_browse_pages_come_from_the_output_cache_per_query_and_signed_in_buyers_get_the_live_list()
    {
        var seller = await app.NewPersonAsync("seller");
        await seller.SaveProfileAsync(rate: 7, tags: ["origami"]);
        using var visitor = app.CreateClient();

        var first = await visitor.GetAsync("/api/sellers?tag=origami");
        var again = await visitor.GetAsync("/api/sellers?tag=origami");
        var otherQuery = await visitor.GetAsync("/api/sellers?tag=origami&sort=rate");
        var signedIn = await seller.Client.GetAsync("/api/sellers?tag=origami");
        var signedInAgain = await seller.Client.GetAsync("/api/sellers?tag=origami");

        Assert.Equal(System.Net.HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(seller.Id, Assert.Single((await first.Content.ReadFromJsonAsync<BrowsePage>())!.Items).Id);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(again.Headers.Age); // served from the cache
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Null(otherQuery.Headers.Age); // each query is its own entry
        Assert.Null(signedIn.Headers.Age);
        Assert.Null(signedInAgain.Headers.Age); // credentials: never cached
    }

    [Fact]
    public async Task Browse_filters_by_rate_tag_language_and_presence_and_sorts()
    {
        var (cheap, cheapHub) = await app.NewOnlineSellerAsync(rate: 5, tags: ["tarot"]);
        var pricey = await app.NewPersonAsync("seller");
        await app.TopSellerAsync(pricey);
        Assert.Equal(HttpStatusCode.OK, (await pricey.SaveProfileAsync(rate: 300, tags: ["tarot", "music"], languages: ["de"])).StatusCode);
        var client = cheap.Client;

        var tarot = (await client.GetFromJsonAsync<BrowsePage>("/api/sellers?tag=tarot&sort=rate"))!;
        Assert.Equal([cheap.Id, pricey.Id], tarot.Items.Select(i => i.Id));
        var german = (await client.GetFromJsonAsync<BrowsePage>("/api/sellers?language=de"))!;
        Assert.Equal([pricey.Id], german.Items.Select(i => i.Id));
        var underTen = (await client.GetFromJsonAsync<BrowsePage>("/api/sellers?tag=tarot&maxRate=10"))!;
        Assert.Equal([cheap.Id], underTen.Items.Select(i => i.Id));
        var online = (await client.GetFromJsonAsync<BrowsePage>("/api/sellers?tag=tarot&onlineOnly=true"))!;
        Assert.Equal([cheap.Id], online.Items.Select(i => i.Id));
        Assert.Equal("online", online.Items[0].Presence);
        var paged = (await client.GetFromJsonAsync<BrowsePage>("/api/sellers?tag=tarot&sort=newest&pageSize=1"))!;
        Assert.True(paged.HasMore);
        await cheapHub.DisposeAsync();
    }

    [Fact]
    public void Photos_are_recognised_by_their_first_bytes()
    {
        Assert.Equal("image/png", PhotoStore.Sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])?.ContentType);
        Assert.Equal("image/jpeg", PhotoStore.Sniff([0xFF, 0xD8, 0xFF, 0xE0])?.ContentType);
        Assert.Equal("image/webp", PhotoStore.Sniff("RIFF\0\0\0\0WEBPVP8 "u8)?.ContentType);
        Assert.Null(PhotoStore.Sniff("GIF89a......"u8));
    }
}
