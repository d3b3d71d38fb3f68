using System.Net;
using System.Net.Http.Json;
using Meterchat.Chats;
using Meterchat.Chats.Store;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Sellers;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Sellers;

public sealed class ChatRequestTests(AppFactory app) : IClassFixture<AppFactory>
{
    private IChatSessions Sessions => app.Services.GetRequiredService<IChatSessions>();

    [Fact]
    public async Task Ring_then_accept_takes_both_parties_to_the_chat_at_the_frozen_rate()
    {
        var (seller, sellerHub) = await app.NewOnlineSellerAsync(rate: 20);
        var buyer = await app.NewPersonAsync("buyer", walletTokens: 100);
        await using var buyerHub = await HubProbe.ConnectAsync(app, buyer.Token);

        var response = await buyer.RequestChatAsync(seller.Id, 20, limit: 60);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = (await response.Content.ReadFromJsonAsync<ChatRequestResponse>())!;
        var ring = await sellerHub.WaitAsync<RingCard>(nameof(IPresenceClient.Ring), c => c.SessionId == request.SessionId);
        Assert.Equal(20, ring.RateTokensPerMinute);

        // A later rate change does not touch the request already made.
        await app.TopSellerAsync(seller);
        Assert.Equal(HttpStatusCode.OK, (await seller.SaveProfileAsync(rate: 40)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await seller.Client.PostAsync($"/api/seller/requests/{request.SessionId}/accept", null)).StatusCode);

        await buyerHub.WaitAsync<Guid>(nameof(IPresenceClient.ChatStarted), id => id == request.SessionId);
        await sellerHub.WaitAsync<Guid>(nameof(IPresenceClient.ChatStarted), id => id == request.SessionId);
        await buyerHub.WaitAsync<PresenceUpdate>(nameof(IPresenceClient.PresenceChanged), u => u.SellerId == seller.Id && u.Presence == "busy");
        var session = (await Sessions.LoadAsync(request.SessionId))!;
        Assert.Equal(ChatState.Accepted, session.State);
        Assert.Equal(20, session.Terms.Rate.TokensPerMinute);
        Assert.Equal(Meterchat.Ledger.Micros.FromTokens(60), session.Terms.SpendingLimit);
        await sellerHub.DisposeAsync();
    }

    [Fact]
    public async Task Ring_then_decline_tells_the_buyer()
    {
        var (seller, sellerHub) = await app.NewOnlineSellerAsync(rate: 10);
        var buyer = await app.NewPersonAsync("buyer", walletTokens: 50);
        await using var buyerHub = await HubProbe.ConnectAsync(app, buyer.Token);

        var request = (await (await buyer.RequestChatAsync(seller.Id, 10)).Content.ReadFromJsonAsync<ChatRequestResponse>())!;
        await sellerHub.WaitAsync<RingCard>(nameof(IPresenceClient.Ring), c => c.SessionId == request.SessionId);
        Assert.Equal(HttpStatusCode.OK, (await seller.Client.PostAsync($"/api/seller/requests/{request.SessionId}/decline", null)).StatusCode);

        var update = await buyerHub.WaitAsync<RequestUpdate>(nameof(IPresenceClient.RequestUpdated), u => u.SessionId == request.SessionId);
        Assert.Equal("declined", update.Outcome);
        Assert.Equal(ChatState.Declined, (await Sessions.FindAsync(request.SessionId))!.State);
        await sellerHub.DisposeAsync();
    }

    [Fact]
    public async Task The_buyer_cancels_a_ringing_request_and_the_seller_can_no_longer_accept_it()
    {
        var (seller, sellerHub) = await app.NewOnlineSellerAsync(rate: 10);
        var buyer = await app.NewPersonAsync("buyer", walletTokens: 50);
        var stranger = await app.NewPersonAsync("stranger", walletTokens: 0);
        await using var buyerHub = await HubProbe.ConnectAsync(app, buyer.Token);
        var request = (await (await buyer.RequestChatAsync(seller.Id, 10)).Content.ReadFromJsonAsync<ChatRequestResponse>())!;
        await sellerHub.WaitAsync<RingCard>(nameof(IPresenceClient.Ring), c => c.SessionId == request.SessionId);

        var notMine = await stranger.Client.PostAsync($"/api/chat-requests/{request.SessionId}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, notMine.StatusCode);
        Assert.Equal("chat/not-ringing", await notMine.ProblemTypeAsync());
        Assert.Equal(HttpStatusCode.OK, (await buyer.Client.PostAsync($"/api/chat-requests/{request.SessionId}/cancel", null)).StatusCode);

        await sellerHub.WaitAsync<RequestUpdate>(nameof(IPresenceClient.RingEnded), u => u.SessionId == request.SessionId && u.Outcome == "cancelled");
        await buyerHub.WaitAsync<RequestUpdate>(nameof(IPresenceClient.RequestUpdated), u => u.SessionId == request.SessionId && u.Outcome == "cancelled");
        var accept = await seller.Client.PostAsync($"/api/seller/requests/{request.SessionId}/accept", null);
        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
        var session = (await Sessions.LoadAsync(request.SessionId))!;
        Assert.Equal(ChatState.Ended, session.State);
        Assert.Equal(EndReason.BuyerLeft, session.EndReason);
        Assert.Equal(HttpStatusCode.Conflict, (await buyer.Client.PostAsync($"/api/chat-requests/{request.SessionId}/cancel", null)).StatusCode);
        await sellerHub.DisposeAsync();
    }

    [Fact]
    public async Task An_unanswered_ring_expires_after_the_ring_time()
    {
        var (seller, sellerHub) = await app.NewOnlineSellerAsync(rate: 10);
        var buyer = await app.NewPersonAsync("buyer", walletTokens: 50);
        await using var buyerHub = await HubProbe.ConnectAsync(app, buyer.Token);
        var request = (await (await buyer.RequestChatAsync(seller.Id, 10)).Content.ReadFromJsonAsync<ChatRequestResponse>())!;
        var sweep = app.Services.GetRequiredService<SellerSweep>();

        app.Time.Advance(TimeSpan.FromSeconds(29));
        await sweep.StepAsync();
        Assert.Equal(ChatState.Requested, (await Sessions.FindAsync(request.SessionId))!.State);

        app.Time.Advance(TimeSpan.FromSeconds(1));
        await sweep.StepAsync();
        var update = await buyerHub.WaitAsync<RequestUpdate>(nameof(IPresenceClient.RequestUpdated), u => u.SessionId == request.SessionId);
        Assert.Equal("expired", update.Outcome);
        await sellerHub.WaitAsync<RequestUpdate>(nameof(IPresenceClient.RingEnded), u => u.SessionId == request.SessionId && u.Outcome == "expired");
        Assert.Equal(ChatState.Expired, (await Sessions.FindAsync(request.SessionId))!.State);
        await sellerHub.DisposeAsync();
    }

    [Fact]
    public async Task A_buyer_without_one_minute_in_the_wallet_is_told_how_much_is_needed()
    {
        var (seller, sellerHub) = await app.NewOnlineSellerAsync(rate: 30);
        var buyer = await app.NewPersonAsync("buyer", walletTokens: 12);

        var response = await buyer.RequestChatAsync(seller.Id, 30);

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal("chat/insufficient-balance", await response.ProblemTypeAsync());
        var detail = await response.Content.ReadAsStringAsync();
        Assert.Contains("at least 30 tokens", detail, StringComparison.Ordinal);
        Assert.Contains("Top up 18 more tokens", detail, StringComparison.Ordinal);
        await sellerHub.DisposeAsync();
    }

    [Fact]
    public async Task A_request_at_a_rate_the_seller_no_longer_charges_is_refused()
    {
        var (seller, sellerHub) = await app.NewOnlineSellerAsync(rate: 15);
        var buyer = await app.NewPersonAsync("buyer", walletTokens: 100);
        await app.TopSellerAsync(seller);
        Assert.Equal(HttpStatusCode.OK, (await seller.SaveProfileAsync(rate: 25)).StatusCode);

        var response = await buyer.RequestChatAsync(seller.Id, 15);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("chat/rate-changed", await response.ProblemTypeAsync());
        await sellerHub.DisposeAsync();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public async Task A_rate_outside_the_bounds_is_refused(int rate)
    {
        var person = await app.NewPersonAsync("seller");
        var response = await person.SaveProfileAsync(rate);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("seller/rate-out-of-bounds", await response.ProblemTypeAsync());
    }

    [Fact]
    public async Task An_offline_seller_cannot_be_requested()
    {
        var seller = await app.NewPersonAsync("seller");
        await seller.SaveProfileAsync(10);
        var buyer = await app.NewPersonAsync("buyer", walletTokens: 100);

        var response = await buyer.RequestChatAsync(seller.Id, 10);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("chat/seller-unavailable", await response.ProblemTypeAsync());
    }

    [Fact]
    public async Task Auto_accept_skips_the_ring()
    {
        var (seller, sellerHub) = await app.NewOnlineSellerAsync(rate: 10, autoAccept: true);
        var buyer = await app.NewPersonAsync("buyer", walletTokens: 100);
        await using var buyerHub = await HubProbe.ConnectAsync(app, buyer.Token);

        var request = (await (await buyer.RequestChatAsync(seller.Id, 10)).Content.ReadFromJsonAsync<ChatRequestResponse>())!;

        Assert.Equal("accepted", request.State);
        await buyerHub.WaitAsync<Guid>(nameof(IPresenceClient.ChatStarted), id => id == request.SessionId);
        await sellerHub.DisposeAsync();
    }
}
