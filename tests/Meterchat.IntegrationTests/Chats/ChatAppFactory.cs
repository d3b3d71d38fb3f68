using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Store;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Ledger;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Chats;

/// <summary>
/// The app with the meter clock stopped (tests call <see cref="MeterClock.TickAsync"/>), optionally on another
/// factory's database: a second factory on the same database is the server after a restart.
/// </summary>
public sealed class ChatAppFactory : AppFactory
{
    private readonly TestDatabase? _shared;

    public ChatAppFactory()
    {
    }

    /// <summary>On <paramref name="shared"/>'s database; at <paramref name="now"/> on the fake clock, or on the real clock when null.</summary>
    public ChatAppFactory(TestDatabase shared, DateTimeOffset? now)
    {
        _shared = shared;
        _realTime = now is null;
        if (now is { } at)
        {
            Time.SetUtcNow(at);
        }
    }

    private readonly bool _realTime;

    public TestDatabase Db => _shared ?? Database;

    public MeterClock Clock => Services.GetRequiredService<MeterClock>();

    public IChatSessions Sessions => Services.GetRequiredService<IChatSessions>();

    public LiveSessions Live => Services.GetRequiredService<LiveSessions>();

    public ILedger Ledger => Services.GetRequiredService<ILedger>();

    /// <summary>Replaces services before the host starts (an injected faulty ledger ...).</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Chat:RunClock", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        if (_shared is not null)
        {
            builder.UseSetting("Database:Provider", _shared.Provider);
            builder.UseSetting("Database:ConnectionString", _shared.ConnectionString);
        }

        if (_realTime)
        {
            builder.ConfigureServices(services => services.AddSingleton(TimeProvider.System));
        }

        if (TestServices is { } configure)
        {
            builder.ConfigureServices(configure);
        }
    }

    public async Task DepositAsync(string userId, Micros amount) =>
        Assert.True((await Ledger.TransferAsync(TransferRequest.Move($"deposit:test:{Guid.NewGuid():N}", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(userId), amount))).Succeeded);

    /// <summary>A session accepted by the seller, as the sellers' feature creates it.</summary>
    public async Task<Guid> AcceptedSessionAsync(string buyer, string seller, ChatTerms terms)
    {
        var id = await Sessions.RequestAsync(buyer, seller, terms);
        Assert.True((await Live.RecordAsync(id, new ChatAccepted(Time.GetUtcNow()))).Result.IsApplied);
        return id;
    }

    /// <summary>Both parties joined and reported receiving video: the meter runs.</summary>
    public async Task GoLiveAsync(Guid id)
    {
        foreach (var party in new[] { Party.Buyer, Party.Seller })
        {
            await Live.ApplyAsync(id, new PartyConnected(Time.GetUtcNow(), party));
        }

        await ReportAsync(id, true);
    }

    public async Task ReportAsync(Guid id, bool up)
    {
        foreach (var party in new[] { Party.Buyer, Party.Seller })
        {
            await Live.ApplyAsync(id, new MediaReported(Time.GetUtcNow(), party, up, up));
        }
    }

    /// <summary>Moves time in clock ticks, with heartbeats every 2 s as live clients would send.</summary>
    public async Task RunAsync(Guid id, TimeSpan span, bool heartbeats = true)
    {
        var step = TimeSpan.FromMilliseconds(500);
        var sinceBeat = TimeSpan.Zero;
        for (var t = TimeSpan.Zero; t < span; t += step)
        {
            Time.Advance(step);
            sinceBeat += step;
            if (heartbeats && sinceBeat >= TimeSpan.FromSeconds(2))
            {
                await ReportAsync(id, true);
                sinceBeat = TimeSpan.Zero;
            }

            await Clock.TickAsync();
        }
    }

    public async Task<AuditReport> AuditAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LedgerAuditor>().RunAsync();
    }
}
