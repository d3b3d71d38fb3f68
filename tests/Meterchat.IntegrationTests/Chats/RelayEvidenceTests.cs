using Meterchat.Accounts;
using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Relay;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Ledger;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Meterchat.IntegrationTests.Chats;

/// <summary>
/// Chat:Evidence=Relay through a real Redis (MC_TEST_REDIS): coturn-shaped traffic deltas published on Redis
/// reach the subscriber and drive the meter; the hub forces clients to relay with per-session credentials.
/// </summary>
public sealed class RelayEvidenceTests : IAsyncLifetime
{
    private readonly RelayApp _app = new();
    private ConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync() => _redis = await ConnectionMultiplexer.ConnectAsync(RelayApp.Redis);

    public async Task DisposeAsync()
    {
        await _redis.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Relay_deltas_on_redis_drive_the_meter_and_overrule_a_client_claiming_no_video()
    {
        var (buyer, seller) = (await UserAsync("buyer"), await UserAsync("seller"));
        Assert.True((await _app.Ledger.TransferAsync(TransferRequest.Move($"deposit:test:{buyer.Id}", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(buyer.Id), Micros.FromUsdt(1)))).Succeeded);
        var id = await _app.Sessions.RequestAsync(buyer.Id, seller.Id, new ChatTerms(new TokenRate(20), 2500));
        await _app.Live.RecordAsync(id, new ChatAccepted(_app.Time.GetUtcNow()));
        await using var b = await ConnectAsync(buyer.Token);
        await using var s = await ConnectAsync(seller.Token);

        var joinedB = await b.InvokeAsync<JoinResult>("Join", id);
        var joinedS = await s.InvokeAsync<JoinResult>("Join", id);

        Assert.Equal("relay", joinedB.IceTransportPolicy);
        var turn = Assert.Single(joinedB.IceServers);
        Assert.Equal(["turn:127.0.0.1:3478?transport=udp"], turn.Urls);
        Assert.EndsWith($":{id}.buyer", turn.Username, StringComparison.Ordinal);
        Assert.EndsWith($":{id}.seller", Assert.Single(joinedS.IceServers).Username, StringComparison.Ordinal);

        // Client reports alone do not start the meter in relay mode.
        await b.InvokeAsync("Report", true, true);
        await s.InvokeAsync("Report", true, true);
        Assert.Equal(ChatState.Connecting, await StateAsync(id));

        await PublishDeltaAsync(turn.Username!);
        await PublishDeltaAsync(joinedS.IceServers[0].Username!);
        await WaitForAsync(async () => await StateAsync(id) == ChatState.Live);

        // The buyer claims the video is gone; the relay still shows traffic both ways: billing goes on.
        _app.Time.Advance(TimeSpan.FromSeconds(1));
        await b.InvokeAsync("Report", false, false);
        Assert.Equal(ChatState.Live, await StateAsync(id));
        for (var i = 0; i < 4; i++)
        {
            _app.Time.Advance(TimeSpan.FromSeconds(4));
            await PublishDeltaAsync(turn.Username!);
            await PublishDeltaAsync(joinedS.IceServers[0].Username!);
            await WaitForAsync(async () => _app.Subscriber.Deltas >= 4 + (2 * i));
            await _app.Clock.TickAsync();
        }

        Assert.Equal(ChatState.Live, await StateAsync(id));
        Assert.Equal(3, (await _app.Sessions.FindAsync(id))!.UnitsCharged);

        // The relay goes quiet: after the window the meter pauses, backdated to the last delta (17 s of live time).
        _app.Time.Advance(TimeSpan.FromSeconds(RelayApp.WindowSeconds));
        await _app.Subscriber.ExpireOnceAsync();

        // The subscriber's own window check runs on the same fake clock and may have taken the stop first: wait for it.
        await WaitForAsync(async () => await StateAsync(id) == ChatState.Paused);
        var session = (await _app.Sessions.LoadAsync(id))!;
        Assert.Equal(ChatState.Paused, session.State);
        Assert.Equal(TimeSpan.FromSeconds(17), session.LiveTime(_app.Time.GetUtcNow()));
    }

    private async Task PublishDeltaAsync(string username) =>
        await _redis.GetSubscriber().PublishAsync(
            RedisChannel.Literal($"turn/realm/meterchat/user/{username}/allocation/001000000000000002/traffic"),
            "rcvp=1024, rcvb=208896, sentp=1024, sentb=204800");

    private async Task<ChatState> StateAsync(Guid id) => (await _app.Sessions.LoadAsync(id))!.State;

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(await condition());
    }

    private async Task<(string Id, string Token)> UserAsync(string who)
    {
        var (email, token) = await _app.CreateVerifiedUserAsync(who);
        await using var scope = _app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        return (user!.Id, token);
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

    private sealed class RelayApp : AppFactory
    {
        public const int WindowSeconds = 20;

        public static string Redis => Environment.GetEnvironmentVariable("MC_TEST_REDIS")
            ?? throw new InvalidOperationException("This test needs MC_TEST_REDIS (./test.sh starts a Redis and sets it).");

        public IChatSessions Sessions => Services.GetRequiredService<IChatSessions>();

        public ILedger Ledger => Services.GetRequiredService<ILedger>();

        public MeterClock Clock => Services.GetRequiredService<MeterClock>();

        public LiveSessions Live => Services.GetRequiredService<LiveSessions>();

        public RelayTrafficSubscriber Subscriber => Services.GetRequiredService<RelayTrafficSubscriber>();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Chat:RunClock", "false");
            builder.UseSetting("Chat:Evidence", "Relay");
            builder.UseSetting("Chat:RelayWindowSeconds", $"{WindowSeconds}");
            builder.UseSetting("Chat:TurnSecret", "integration-test-turn-secret");
            builder.UseSetting("Chat:TurnUrls:0", "turn:127.0.0.1:3478?transport=udp");
            builder.UseSetting("Redis:Connection", Redis);
        }
    }
}
