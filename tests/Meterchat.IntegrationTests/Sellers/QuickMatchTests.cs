using System.Net;
using System.Net.Http.Json;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Sellers;

namespace Meterchat.IntegrationTests.Sellers;

/// <summary>Its own database: quick match looks at every online seller.</summary>
public sealed class QuickMatchTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Quick_match_rings_the_best_seller_then_the_next_when_one_declines()
    {
        var (best, bestHub) = await app.NewOnlineSellerAsync(rate: 20, tags: ["chess"], ratingCentis: 480);
        var (next, nextHub) = await app.NewOnlineSellerAsync(rate: 20, tags: ["chess"], ratingCentis: 420);
        var (expensive, expensiveHub) = await app.NewOnlineSellerAsync(rate: 90, tags: ["chess"], ratingCentis: 500);
        var buyer = await app.NewPersonAsync("buyer", walletTokens: 200);
        await using var buyerHub = await HubProbe.ConnectAsync(app, buyer.Token);

        var response = await buyer.Client.PostAsJsonAsync("/api/quick-match", new QuickMatchInput(30, ["chess"], null));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = (await response.Content.ReadFromJsonAsync<ChatRequestResponse>())!;
        Assert.Equal(best.Id, first.SellerId);
        await bestHub.WaitAsync<RingCard>(nameof(IPresenceClient.Ring), c => c.SessionId == first.SessionId);

        await best.Client.PostAsync($"/api/seller/requests/{first.SessionId}/decline", null);

        var ringing = await buyerHub.WaitAsync<RequestUpdate>(nameof(IPresenceClient.RequestUpdated), u => u.Outcome == "ringing");
        Assert.Equal(next.Id, ringing.SellerId);
        await nextHub.WaitAsync<RingCard>(nameof(IPresenceClient.Ring), c => c.SessionId == ringing.SessionId);
        Assert.False(expensiveHub.HasSeen<RingCard>(nameof(IPresenceClient.Ring), _ => true));

        await next.Client.PostAsync($"/api/seller/requests/{ringing.SessionId}/accept", null);
        await buyerHub.WaitAsync<Guid>(nameof(IPresenceClient.ChatStarted), id => id == ringing.SessionId);
        await bestHub.DisposeAsync();
        await nextHub.DisposeAsync();
        await expensiveHub.DisposeAsync();
    }

    [Fact]
    public async Task When_the_only_fitting_seller_declines_the_buyer_hears_that_they_declined_not_that_no_seller_fits()
    {
        var (seller, sellerHub) = await app.NewOnlineSellerAsync(rate: 7); // the only seller at 7 or less in this database
        var buyer = await app.NewPersonAsync("buyer", walletTokens: 200);
        await using var buyerHub = await HubProbe.ConnectAsync(app, buyer.Token);

        var first = (await (await buyer.Client.PostAsJsonAsync("/api/quick-match", new QuickMatchInput(7, [], null))).Content.ReadFromJsonAsync<ChatRequestResponse>())!;
        Assert.Equal(seller.Id, first.SellerId);
        await sellerHub.WaitAsync<RingCard>(nameof(IPresenceClient.Ring), c => c.SessionId == first.SessionId);
        await seller.Client.PostAsync($"/api/seller/requests/{first.SessionId}/decline", null);

        var update = await buyerHub.WaitAsync<RequestUpdate>(nameof(IPresenceClient.RequestUpdated), _ => true);
        Assert.Equal("declined", update.Outcome);
        Assert.StartsWith("The seller declined.", update.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("No online seller fits", update.Detail, StringComparison.Ordinal);
        await sellerHub.DisposeAsync();
    }
}
