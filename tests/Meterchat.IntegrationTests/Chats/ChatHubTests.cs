using System.Collections.Concurrent;
using System.Net;
using Meterchat.Accounts;
using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Data;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.Ledger;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Chats;

public sealed class ChatHubTests : IAsyncLifetime
{
    private static readonly ChatTerms Seed = new(new TokenRate(20), 2500);
    private readonly ChatAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Two_parties_go_live_over_the_hub_and_the_ledger_matches_the_receipt()
    {
        var (buyer, seller, id) = await SessionAsync();
        await using var b = await Party.ConnectAsync(_app, buyer.Token);
        await using var s = await Party.ConnectAsync(_app, seller.Token);

        var joinedB = await b.Hub.InvokeAsync<JoinResult>("Join", id);
        var joinedS = await s.Hub.InvokeAsync<JoinResult>("Join", id);
        Assert.Equal("Buyer", joinedB.Role);
        Assert.True(joinedS.PeerPresent);
        Assert.Empty(joinedB.IceServers);

        // Signaling reaches the other party only.
        await b.Hub.InvokeAsync("Signal", "offer", "sdp-offer");
        Assert.Equal(("offer", "sdp-offer"), await s.Signals.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));

        await b.Hub.InvokeAsync("Report", true, true);
        await s.Hub.InvokeAsync("Report", true, true);
        Assert.Equal(ChatState.Live, (await _app.Sessions.LoadAsync(id))!.State);

        for (var i = 0; i < 5; i++)
        {
            _app.Time.Advance(TimeSpan.FromSeconds(2));
            await b.Hub.InvokeAsync("Report", true, true);
            await s.Hub.InvokeAsync("Report", true, true);
            await _app.Clock.TickAsync();
        }

        await b.Hub.InvokeAsync("Leave");
        await _app.Clock.TickAsync();

        var receipt = await b.Receipts.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("BuyerLeft", receipt.EndReason);
        Assert.Equal(2, receipt.Units); // 10 s live → round(10 / 6)
        Assert.Equal(Micros.FromUsdt(1) - receipt.Charged, await _app.Ledger.GetBalanceAsync(AccountRef.Wallet(buyer.Id)));
        Assert.Equal(new Micros(receipt.SellerShareMicros), await _app.Ledger.GetBalanceAsync(AccountRef.Earnings(seller.Id)));
        Assert.Contains(b.Statuses, st => st.Units == 2 && st.BalanceMicros is not null);
        Assert.All(s.Statuses, st => Assert.Null(st.BalanceMicros));

        using var client = _app.CreateClient(seller.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/chats/{id}/receipt")).StatusCode);
        Assert.True((await _app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task A_billing_fault_ends_the_session_for_both_parties_with_its_own_reason()
    {
        var ledger = ScriptedLedger.Install(_app);
        var (buyer, seller, id) = await SessionAsync();
        ledger.Refuse = r => r.Reference == id.ToString() && r.Kind == TransferKind.ChatUnit;
        await using var b = await Party.ConnectAsync(_app, buyer.Token);
        await using var s = await Party.ConnectAsync(_app, seller.Token);
        await b.Hub.InvokeAsync<JoinResult>("Join", id);
        await s.Hub.InvokeAsync<JoinResult>("Join", id);

        // Unit 1 falls due at 3 s and fails on every tick from then on.
        for (var i = 0; i < 10; i++)
        {
            await b.Hub.InvokeAsync("Report", true, true);
            await s.Hub.InvokeAsync("Report", true, true);
            _app.Time.Advance(TimeSpan.FromSeconds(1));
            await _app.Clock.TickAsync();
        }

        foreach (var party in new[] { b, s })
        {
            var receipt = await party.Receipts.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(("Ended", "BillingFault", 0L), (receipt.State, receipt.EndReason, receipt.Units));
        }

        Assert.Equal(Micros.FromUsdt(1), await _app.Ledger.GetBalanceAsync(AccountRef.Wallet(buyer.Id)));
    }

    [Fact]
    public async Task A_report_that_changes_the_evidence_is_never_throttled()
    {
        var (buyer, seller, id) = await SessionAsync();
        await using var b = await Party.ConnectAsync(_app, buyer.Token);
        await using var s = await Party.ConnectAsync(_app, seller.Token);
        await b.Hub.InvokeAsync<JoinResult>("Join", id);
        await s.Hub.InvokeAsync<JoinResult>("Join", id);
        await b.Hub.InvokeAsync("Report", true, true);
        await s.Hub.InvokeAsync("Report", true, true);
        Assert.Equal(ChatState.Live, (await _app.Sessions.LoadAsync(id))!.State);

        // 200 ms later the buyer's peer connection drops: a repeat this soon would be dropped, a change is not.
        _app.Time.Advance(TimeSpan.FromMilliseconds(200));
        await b.Hub.InvokeAsync("Report", false, false);

        Assert.Equal(ChatState.Paused, (await _app.Sessions.LoadAsync(id))!.State);
    }

    [Fact]
    public async Task A_dropped_party_pauses_the_meter_and_a_short_lost_session_is_refunded()
    {
        var (buyer, seller, id) = await SessionAsync();
        await using var b = await Party.ConnectAsync(_app, buyer.Token);
        var s = await Party.ConnectAsync(_app, seller.Token);
        await b.Hub.InvokeAsync<JoinResult>("Join", id);
        await s.Hub.InvokeAsync<JoinResult>("Join", id);
        await b.Hub.InvokeAsync("Report", true, true);
        await s.Hub.InvokeAsync("Report", true, true);
        _app.Time.Advance(TimeSpan.FromSeconds(4));
        await b.Hub.InvokeAsync("Report", true, true);
        await s.Hub.InvokeAsync("Report", true, true);
        await _app.Clock.TickAsync();
        Assert.Equal(1, (await _app.Sessions.LoadAsync(id))!.UnitsCharged);

        await s.DisposeAsync();
        await WaitForAsync(async () => (await _app.Sessions.LoadAsync(id))!.State == ChatState.Paused);

        for (var i = 0; i < 32; i++)
        {
            _app.Time.Advance(TimeSpan.FromSeconds(2));
            await b.Hub.InvokeAsync("Report", false, false);
            await _app.Clock.TickAsync();
        }

        var session = (await _app.Sessions.LoadAsync(id))!;
        Assert.Equal(EndReason.ConnectionLost, session.EndReason);
        Assert.Equal(Micros.FromUsdt(1), await _app.Ledger.GetBalanceAsync(AccountRef.Wallet(buyer.Id)));
        Assert.True((await _app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task A_third_user_can_neither_join_nor_read_the_session()
    {
        var (_, _, id) = await SessionAsync();
        var stranger = await UserAsync("stranger");
        await using var x = await Party.ConnectAsync(_app, stranger.Token);

        await Assert.ThrowsAsync<HubException>(() => x.Hub.InvokeAsync<JoinResult>("Join", id));
        await Assert.ThrowsAsync<HubException>(() => x.Hub.InvokeAsync("Signal", "offer", "x"));
        using var client = _app.CreateClient(stranger.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/chats/{id}/receipt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/chats/{id}/leave", null)).StatusCode);
    }

    [Fact]
    public async Task The_hub_refuses_anonymous_connections()
    {
        await using var x = Party.Build(_app, null);
        await Assert.ThrowsAnyAsync<Exception>(() => x.Hub.StartAsync());
    }

    private async Task<(User Buyer, User Seller, Guid Id)> SessionAsync()
    {
        var buyer = await UserAsync("buyer");
        var seller = await UserAsync("seller");
        await _app.DepositAsync(buyer.Id, Micros.FromUsdt(1));
        return (buyer, seller, await _app.AcceptedSessionAsync(buyer.Id, seller.Id, Seed));
    }

    private async Task<User> UserAsync(string who)
    {
        var (email, token) = await _app.CreateVerifiedUserAsync(who);
        await using var scope = _app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        return new User(user!.Id, token);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(await condition());
    }

    private sealed record User(string Id, string Token);

    private sealed class Party : IAsyncDisposable
    {
        private Party(HubConnection hub)
        {
            Hub = hub;
            hub.On<string, string>("Signal", (kind, payload) => Signals.Writer.TryWrite((kind, payload)));
            hub.On<ChatStatus>("Status", Statuses.Add);
            hub.On<ReceiptView>("Ended", r => Receipts.Writer.TryWrite(r));
        }

        public HubConnection Hub { get; }

        public System.Threading.Channels.Channel<(string, string)> Signals { get; } = System.Threading.Channels.Channel.CreateUnbounded<(string, string)>();

        public System.Threading.Channels.Channel<ReceiptView> Receipts { get; } = System.Threading.Channels.Channel.CreateUnbounded<ReceiptView>();

        public ConcurrentBag<ChatStatus> Statuses { get; } = [];

        public static Party Build(ChatAppFactory app, string? token) =>
            new(new HubConnectionBuilder()
                .WithUrl(new Uri(app.Server.BaseAddress, ChatHub.Path), o =>
                {
                    o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                    o.Transports = HttpTransportType.LongPolling;
                    if (token is not null)
                    {
                        o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    }
                })
                .Build());

        public static async Task<Party> ConnectAsync(ChatAppFactory app, string token)
        {
            var party = Build(app, token);
            await party.Hub.StartAsync();
            return party;
        }

        public ValueTask DisposeAsync() => Hub.DisposeAsync();
    }
}
