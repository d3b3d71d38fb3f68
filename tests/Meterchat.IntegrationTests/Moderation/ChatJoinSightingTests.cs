using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.IntegrationTests.Chats;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.IntegrationTests.Sellers;
using Meterchat.Ledger;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Meterchat.IntegrationTests.Moderation;

public sealed class ChatJoinSightingTests : IAsyncLifetime
{
    private readonly ChatAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Buyer_and_seller_joining_their_chat_from_one_address_are_both_flagged()
    {
        var admin = await _app.NewAdminAsync();
        var buyer = await _app.NewPersonAsync("buyer");
        var seller = await _app.NewPersonAsync("seller");
        await _app.DepositAsync(buyer.Id, Micros.FromUsdt(1));
        var id = await _app.AcceptedSessionAsync(buyer.Id, seller.Id, new ChatTerms(new TokenRate(20), 2500));
        Assert.Empty((await admin.UserAsync(seller.Id)).Flags);

        await using var buyerHub = await JoinAsync(buyer, id, "203.0.113.99");
        await using var sellerHub = await JoinAsync(seller, id, "203.0.113.99");

        foreach (var person in new[] { buyer, seller })
        {
            var flag = Assert.Single((await admin.UserAsync(person.Id)).Flags);
            Assert.Equal("SharedIpOrDevice", flag.Rule);
            Assert.Contains("203.0.113.99", flag.Evidence, StringComparison.Ordinal);
            Assert.Contains(id.ToString(), flag.Evidence, StringComparison.Ordinal);
        }
    }

    private async Task<HubConnection> JoinAsync(Person person, Guid sessionId, string ip)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(_app.Server.BaseAddress, ChatHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => _app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(person.Token);
                o.Headers[TestClientAddress.Header] = ip;
            })
            .Build();
        await hub.StartAsync();
        await hub.InvokeAsync<JoinResult>("Join", sessionId);
        return hub;
    }
}
