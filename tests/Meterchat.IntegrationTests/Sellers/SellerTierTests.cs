using System.Net;
using System.Net.Http.Json;
using Meterchat.Chats;
using Meterchat.Data;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Chats;
using Meterchat.IntegrationTests.Trust;
using Meterchat.Ledger;
using Meterchat.Sellers;
using Meterchat.Trust.Ratings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Sellers;

/// <summary>Reputation tiers cap the rate a seller may set (PRODUCT.md §4; Sellers/SellerTier.cs).</summary>
public sealed class SellerTierTests : IAsyncLifetime
{
    private readonly ChatAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_new_seller_cannot_set_a_rate_above_the_new_tiers_cap_and_sees_the_next_tier()
    {
        var seller = await _app.SellerAsync();

        var tooHigh = await seller.Http.PutAsJsonAsync("/api/seller/profile", Profile(21));
        var atCap = await seller.Http.PutAsJsonAsync("/api/seller/profile", Profile(20));
        var card = (await atCap.Content.ReadFromJsonAsync<SellerCard>())!;

        Assert.Equal((HttpStatusCode.BadRequest, SellerProblems.RateAboveTierCap), (tooHigh.StatusCode, await tooHigh.ProblemTypeAsync()));
        Assert.Equal(HttpStatusCode.OK, atCap.StatusCode);
        Assert.Equal((Tier.New, 20, Tier.Established, 50, 10, 10), (card.Tier.Tier, card.Tier.CapTokensPerMinute, card.Tier.NextTier, card.Tier.NextCapTokensPerMinute, card.Tier.NextRatedChats, card.Tier.RatedChatsToGo));
        Assert.Equal(20, (await seller.Http.GetFromJsonAsync<SellerCard>("/api/seller/profile"))!.RateTokensPerMinute);
        Assert.Contains("Tier: <strong>New</strong>, rate cap 20 tokens/min", await seller.Http.GetStringAsync(new Uri($"/sellers/{seller.Id}", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promotion_raises_the_cap_browse_filters_by_tier_and_a_demotion_lowers_the_rate_but_never_a_running_chat()
    {
        var buyer = await _app.UserAsync("buyer");
        await _app.DepositAsync(buyer.Id, Micros.FromUsdt(10));
        var seller = await _app.SellerAsync();
        await StandingAsync(seller.Id, ratedChats: 10, ratingCentis: 450);

        var promoted = await seller.Http.PutAsJsonAsync("/api/seller/profile", Profile(50));
        var aboveEstablished = await seller.Http.PutAsJsonAsync("/api/seller/profile", Profile(51));
        var established = await buyer.Http.GetFromJsonAsync<BrowsePage>("/api/sellers?tier=Established");
        var top = await buyer.Http.GetFromJsonAsync<BrowsePage>("/api/sellers?tier=Top");

        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal(SellerProblems.RateAboveTierCap, await aboveEstablished.ProblemTypeAsync());
        Assert.Contains(established!.Items, s => s.Id == seller.Id && s.Tier.Tier == Tier.Established);
        Assert.DoesNotContain(top!.Items, s => s.Id == seller.Id);

        // A chat at 50 tokens/min runs while one bad rating (the only real one) demotes the seller to New.
        var ended = await _app.EndedSessionAsync(buyer, seller, TimeSpan.FromSeconds(12));
        var running = await _app.AcceptedSessionAsync(buyer.Id, seller.Id, new ChatTerms(new TokenRate(50), 2500));
        await _app.GoLiveAsync(running);
        await _app.RunAsync(running, TimeSpan.FromSeconds(12));
        (await buyer.Http.PostAsJsonAsync($"/api/chats/{ended}/rating", new RateInput(1, "Poor"))).EnsureSuccessStatusCode();
        await _app.RunAsync(running, TimeSpan.FromSeconds(12));
        await _app.Live.ApplyAsync(running, new PartyLeft(_app.Time.GetUtcNow(), Party.Buyer));
        await _app.Clock.TickAsync();

        var demoted = (await seller.Http.GetFromJsonAsync<SellerCard>("/api/seller/profile"))!;
        var chat = (await _app.Sessions.LoadAsync(running))!;
        Assert.Equal((Tier.New, 20), (demoted.Tier.Tier, demoted.RateTokensPerMinute));
        Assert.Equal(50, chat.Terms.Rate.TokensPerMinute);
        Assert.Equal(4, chat.UnitsCharged); // 24 s live, half of them after the demotion
        Assert.Equal(new Micros(50_000 * chat.UnitsCharged), chat.Charged);
        Assert.Contains((await buyer.Http.GetFromJsonAsync<BrowsePage>("/api/sellers?tier=New"))!.Items, s => s.Id == seller.Id);
    }

    private static ProfileInput Profile(int rate) => new("Seller", "Hello", rate, false, [], ["en"]);

    private async Task StandingAsync(string sellerId, int ratedChats, int ratingCentis)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SellerProfile>().Where(p => p.UserId == sellerId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RatingCount, ratedChats).SetProperty(p => p.RatingCentis, ratingCentis));
    }
}
