using System.Net;
using System.Net.Http.Json;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Chats;
using Meterchat.Ledger;
using Meterchat.Sellers;
using Meterchat.Trust.Ratings;

namespace Meterchat.IntegrationTests.Trust;

public sealed class RatingTests : IAsyncLifetime
{
    private readonly ChatAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_buyer_rates_an_ended_live_chat_once_and_the_seller_replies_once()
    {
        var (buyer, seller) = await PartiesAsync();
        var id = await _app.EndedSessionAsync(buyer, seller, TimeSpan.FromSeconds(30));

        var rated = await buyer.Http.PostAsJsonAsync($"/api/chats/{id}/rating", new RateInput(5, "Lovely chat"));
        var again = await buyer.Http.PostAsJsonAsync($"/api/chats/{id}/rating", new RateInput(1, "Changed my mind"));
        var reply = await seller.Http.PostAsJsonAsync($"/api/chats/{id}/rating/reply", new ReplyInput("Thank you!"));
        var reply2 = await seller.Http.PostAsJsonAsync($"/api/chats/{id}/rating/reply", new ReplyInput("Again"));
        var buyerReplies = await buyer.Http.PostAsJsonAsync($"/api/chats/{id}/rating/reply", new ReplyInput("Me too"));

        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, "rating/already-rated"), (again.StatusCode, await again.ProblemTypeAsync()));
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, "rating/already-replied"), (reply2.StatusCode, await reply2.ProblemTypeAsync()));
        Assert.Equal((HttpStatusCode.Forbidden, "rating/seller-only"), (buyerReplies.StatusCode, await buyerReplies.ProblemTypeAsync()));
        var reviews = (await buyer.Http.GetFromJsonAsync<SellerReviews>($"/api/sellers/{seller.Id}/reviews"))!;
        var review = Assert.Single(reviews.Reviews);
        Assert.Equal((5, "Lovely chat", "Thank you!"), (review.Stars, review.Comment, review.Reply));
        Assert.Equal(("4.17", 417, 1), (reviews.Rating, reviews.RatingCentis, reviews.RatingCount)); // (5 × 4 + 5) / 6
        var page = await buyer.Http.GetStringAsync($"/sellers/{seller.Id}");
        Assert.Contains("Lovely chat", page);
        Assert.Contains("Thank you!", page);
    }

    [Fact]
    public async Task Only_the_buyer_rates_and_only_a_chat_that_went_live_and_ended()
    {
        var (buyer, seller) = await PartiesAsync();
        var ended = await _app.EndedSessionAsync(buyer, seller, TimeSpan.FromSeconds(12));
        var running = await _app.LiveSessionAsync(buyer, seller, TimeSpan.FromSeconds(12));
        await _app.Live.ApplyAsync(running, new Meterchat.Chats.PartyLeft(_app.Time.GetUtcNow(), Meterchat.Chats.Party.Seller));
        await _app.Clock.TickAsync();
        var neverLive = await _app.AcceptedSessionAsync(buyer.Id, seller.Id, TrustDriver.Seed);
        var live = await _app.LiveSessionAsync(buyer, seller, TimeSpan.FromSeconds(12));

        var bySeller = await seller.Http.PostAsJsonAsync($"/api/chats/{ended}/rating", new RateInput(5, null));
        var onLive = await buyer.Http.PostAsJsonAsync($"/api/chats/{live}/rating", new RateInput(5, null));
        var onNeverLive = await buyer.Http.PostAsJsonAsync($"/api/chats/{neverLive}/rating", new RateInput(5, null));
        var sixStars = await buyer.Http.PostAsJsonAsync($"/api/chats/{ended}/rating", new RateInput(6, null));

        Assert.Equal((HttpStatusCode.Forbidden, "rating/buyer-only"), (bySeller.StatusCode, await bySeller.ProblemTypeAsync()));
        Assert.Equal((HttpStatusCode.Conflict, "rating/not-rateable"), (onLive.StatusCode, await onLive.ProblemTypeAsync()));
        Assert.Equal((HttpStatusCode.Conflict, "rating/not-rateable"), (onNeverLive.StatusCode, await onNeverLive.ProblemTypeAsync()));
        Assert.Equal((HttpStatusCode.BadRequest, "rating/bad-stars"), (sixStars.StatusCode, await sixStars.ProblemTypeAsync()));
        Assert.Equal(HttpStatusCode.OK, (await buyer.Http.PostAsJsonAsync($"/api/chats/{running}/rating", new RateInput(2, null))).StatusCode);
    }

    [Fact]
    public async Task The_bayesian_average_orders_browse()
    {
        var buyer = await _app.UserAsync("buyer");
        await _app.DepositAsync(buyer.Id, Micros.FromUsdt(5));
        var many = await _app.SellerAsync("Many fives");
        var one = await _app.SellerAsync("One five");
        var low = await _app.SellerAsync("Two ones");
        foreach (var (seller, stars) in new[] { (many, 5), (many, 5), (many, 5), (many, 5), (many, 5), (one, 5), (low, 1), (low, 1) })
        {
            var id = await _app.EndedSessionAsync(buyer, seller, TimeSpan.FromSeconds(6));
            Assert.Equal(HttpStatusCode.OK, (await buyer.Http.PostAsJsonAsync($"/api/chats/{id}/rating", new RateInput(stars, null))).StatusCode);
        }

        var page = (await buyer.Http.GetFromJsonAsync<BrowsePage>("/api/sellers?sort=rating"))!;

        // (5·4 + 25)/10 = 4.50; (5·4 + 5)/6 = 4.17 (the prior 4.00 with no ratings); (5·4 + 2)/7 = 3.14.
        var order = page.Items.Select(c => (c.DisplayName, c.Rating, c.RatingCount)).ToList();
        Assert.Equal([("Many fives", "4.50", 5), ("One five", "4.17", 1), ("Two ones", "3.14", 2)], order);
    }

    private async Task<(TrustUser Buyer, TrustUser Seller)> PartiesAsync()
    {
        var buyer = await _app.UserAsync("buyer");
        var seller = await _app.SellerAsync();
        await _app.DepositAsync(buyer.Id, Micros.FromUsdt(5));
        return (buyer, seller);
    }
}
