using Microsoft.AspNetCore.Hosting;

namespace Meterchat.BrowserTests.Infrastructure;

/// <summary>The browser app billing on relay evidence (Chat:Evidence=Relay) through its own coturn and Redis.</summary>
public sealed class RelayBrowserApp : BrowserApp
{
    /// <summary>The production default: coturn publishes a delta per ~2,048 packets, about every 9 s per party here.</summary>
    public const int WindowSeconds = 20;

    public CoturnRelay Relay { get; } = new();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Relay.Dispose();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Chat:Evidence", "Relay");
        builder.UseSetting("Chat:RelayWindowSeconds", WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Chat:TurnSecret", Relay.Secret);
        builder.UseSetting("Chat:TurnUrls:0", Relay.TurnUrl);
        builder.UseSetting("Redis:Connection", Relay.RedisConnection);
    }
}
