using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.IntegrationTests.Chats;
using Meterchat.IntegrationTests.Sellers;
using Meterchat.Ledger;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Meterchat.IntegrationTests.Moderation;

/// <summary>A ban reaches open hub connections too, and nothing is relayed into a chat that has ended.</summary>
public sealed class BanHubTests : IAsyncLifetime
{
    private readonly ChatAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_ban_closes_the_users_hub_connection_and_the_other_party_cannot_signal_into_the_ended_chat()
    {
        var admin = await _app.NewAdminAsync();
        var buyer = await _app.NewPersonAsync("buyer");
        var seller = await _app.NewPersonAsync("seller");
        await _app.DepositAsync(buyer.Id, Micros.FromUsdt(10));
        var id = await _app.AcceptedSessionAsync(buyer.Id, seller.Id, new ChatTerms(new TokenRate(20), 2500));
        await using var b = await ConnectAsync(buyer.Token);
        await using var s = await ConnectAsync(seller.Token);
        var sellerClosed = new TaskCompletionSource();
        s.Closed += _ =>
        {
            sellerClosed.TrySetResult();
            return Task.CompletedTask;
        };
        await b.InvokeAsync<JoinResult>("Join", id);
        await s.InvokeAsync<JoinResult>("Join", id);
        await s.InvokeAsync("Signal", "offer", "sdp-offer"); // relayed while the chat runs

        await admin.BanAsync(seller.Id, "Harassment on camera");

        await sellerClosed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var refused = await Assert.ThrowsAsync<HubException>(() => b.InvokeAsync("Signal", "answer", "sdp-answer"));
        Assert.Contains("ended", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_party_cannot_signal_after_leaving()
    {
        var buyer = await _app.NewPersonAsync("buyer");
        var seller = await _app.NewPersonAsync("seller");
        await _app.DepositAsync(buyer.Id, Micros.FromUsdt(10));
        var id = await _app.AcceptedSessionAsync(buyer.Id, seller.Id, new ChatTerms(new TokenRate(20), 2500));
        await using var b = await ConnectAsync(buyer.Token);
        await using var s = await ConnectAsync(seller.Token);
        await b.InvokeAsync<JoinResult>("Join", id);
        await s.InvokeAsync<JoinResult>("Join", id);

        await b.InvokeAsync("Leave");

        Assert.Equal(ChatState.Ended, (await _app.Sessions.LoadAsync(id))!.State);
        await Assert.ThrowsAsync<HubException>(() => s.InvokeAsync("Signal", "ice", "candidate"));
    }

    private async Task<HubConnection> ConnectAsync(string token)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(_app.Server.BaseAddress, ChatHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => _app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await hub.StartAsync();
        return hub;
    }
}
