using System.Net;
using System.Net.Http.Json;
using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Chats;
using Meterchat.Ledger;
using Meterchat.Trust.Tips;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Meterchat.IntegrationTests.Trust;

public sealed class TipTests : IAsyncLifetime
{
    private readonly ChatAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_tip_during_the_chat_pays_the_seller_minus_commission_and_the_seller_sees_it_live()
    {
        var (buyer, seller) = await PartiesAsync();
        var id = await _app.LiveSessionAsync(buyer, seller, TimeSpan.FromSeconds(12)); // 2 units: 40 000 µUSDT
        await using var sellerHub = new HubConnectionBuilder()
            .WithUrl(new Uri(_app.Server.BaseAddress, ChatHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => _app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(seller.Token);
            })
            .Build();
        var pushed = new TaskCompletionSource<TipNotice>(TaskCreationOptions.RunContinuationsAsynchronously);
        sellerHub.On<TipNotice>(nameof(IChatClient.Tipped), n => pushed.TrySetResult(n));
        await sellerHub.StartAsync();
        await sellerHub.InvokeAsync<JoinResult>("Join", id);
        var wallet = await _app.BalanceAsync(AccountRef.Wallet(buyer.Id));
        var earnings = await _app.BalanceAsync(AccountRef.Earnings(seller.Id));
        var revenue = await _app.BalanceAsync(AccountRef.PlatformRevenue);

        var quote = (await buyer.Http.GetFromJsonAsync<TipQuote>($"/api/chats/{id}/tips/quote?tokens=10.01"))!;
        var tipped = await buyer.Http.PostAsJsonAsync($"/api/chats/{id}/tips", new TipInput("10.01", "tip-1"));

        // 10.01 tokens = 100 100 µUSDT; 25 % = 25 025 to the platform (rounded down), 75 075 to the seller.
        Assert.Equal((100_100L, 75_075L, 25_025L), (quote.Amount.Micros, quote.SellerShare.Micros, quote.Fee.Micros));
        Assert.Equal(HttpStatusCode.OK, tipped.StatusCode);
        var tip = (await tipped.Content.ReadFromJsonAsync<TipView>())!;
        Assert.False(tip.Replayed);
        Assert.Equal(wallet - new Micros(100_100), await _app.BalanceAsync(AccountRef.Wallet(buyer.Id)));
        Assert.Equal(earnings + new Micros(75_075), await _app.BalanceAsync(AccountRef.Earnings(seller.Id)));
        Assert.Equal(revenue + new Micros(25_025), await _app.BalanceAsync(AccountRef.PlatformRevenue));
        var notice = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((id, "10.01", "7.5"), (notice.SessionId, notice.AmountTokens, notice.SellerShareTokens));
        var history = await seller.Http.GetFromJsonAsync<List<HistoryItem>>("/api/me/history?limit=10");
        Assert.Contains(history!, h => h.Kind == nameof(TransferKind.Tip) && h.Amount.Micros == 75_075 && h.Reference == id.ToString());
        Assert.True((await _app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task Replaying_a_tip_with_the_same_client_key_moves_nothing_again()
    {
        var (buyer, seller) = await PartiesAsync();
        var id = await _app.EndedSessionAsync(buyer, seller, TimeSpan.FromSeconds(12));

        var first = await buyer.Http.PostAsJsonAsync($"/api/chats/{id}/tips", new TipInput("5", "same-key"));
        var wallet = await _app.BalanceAsync(AccountRef.Wallet(buyer.Id));
        var replay = await buyer.Http.PostAsJsonAsync($"/api/chats/{id}/tips", new TipInput("5", "same-key"));
        var reused = await buyer.Http.PostAsJsonAsync($"/api/chats/{id}/tips", new TipInput("6", "same-key"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True((await replay.Content.ReadFromJsonAsync<TipView>())!.Replayed);
        Assert.Equal((HttpStatusCode.Conflict, "tip/key-reused"), (reused.StatusCode, await reused.ProblemTypeAsync()));
        Assert.Equal(wallet, await _app.BalanceAsync(AccountRef.Wallet(buyer.Id)));
    }

    [Fact]
    public async Task A_tip_beyond_the_wallet_is_refused_and_nothing_moves()
    {
        var (buyer, seller) = await PartiesAsync();
        var id = await _app.EndedSessionAsync(buyer, seller, TimeSpan.FromSeconds(12));
        var wallet = await _app.BalanceAsync(AccountRef.Wallet(buyer.Id));
        var earnings = await _app.BalanceAsync(AccountRef.Earnings(seller.Id));

        var tooMuch = await buyer.Http.PostAsJsonAsync($"/api/chats/{id}/tips", new TipInput("200", "big"));

        Assert.Equal((HttpStatusCode.Conflict, "tip/insufficient-funds"), (tooMuch.StatusCode, await tooMuch.ProblemTypeAsync()));
        Assert.Equal(wallet, await _app.BalanceAsync(AccountRef.Wallet(buyer.Id)));
        Assert.Equal(earnings, await _app.BalanceAsync(AccountRef.Earnings(seller.Id)));
    }

    [Fact]
    public async Task Only_the_buyer_tips_within_the_window_and_within_the_bounds()
    {
        _app.Settings["Trust:TipWindow"] = "00:10:00"; // 72 h by default (TrustOptionsTests)
        var (buyer, seller) = await PartiesAsync();
        var id = await _app.EndedSessionAsync(buyer, seller, TimeSpan.FromSeconds(12));
        var notLive = await _app.AcceptedSessionAsync(buyer.Id, seller.Id, TrustDriver.Seed);

        var bySeller = await seller.Http.PostAsJsonAsync($"/api/chats/{id}/tips", new TipInput("5", "s"));
        var tooSmall = await buyer.Http.PostAsJsonAsync($"/api/chats/{id}/tips", new TipInput("0.5", "small"));
        var beforeLive = await buyer.Http.PostAsJsonAsync($"/api/chats/{notLive}/tips", new TipInput("5", "early"));
        _app.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var late = await buyer.Http.PostAsJsonAsync($"/api/chats/{id}/tips", new TipInput("5", "late"));

        Assert.Equal((HttpStatusCode.Forbidden, "tip/buyer-only"), (bySeller.StatusCode, await bySeller.ProblemTypeAsync()));
        Assert.Equal((HttpStatusCode.BadRequest, "tip/bad-amount"), (tooSmall.StatusCode, await tooSmall.ProblemTypeAsync()));
        Assert.Equal((HttpStatusCode.Conflict, "tip/not-allowed"), (beforeLive.StatusCode, await beforeLive.ProblemTypeAsync()));
        Assert.Equal((HttpStatusCode.Conflict, "tip/not-allowed"), (late.StatusCode, await late.ProblemTypeAsync()));
    }

    private async Task<(TrustUser Buyer, TrustUser Seller)> PartiesAsync()
    {
        var buyer = await _app.UserAsync("buyer");
        var seller = await _app.UserAsync("seller");
        await _app.DepositAsync(buyer.Id, Micros.FromUsdt(1));
        return (buyer, seller);
    }
}
