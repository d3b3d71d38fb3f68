using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Meterchat.IntegrationTests.Infrastructure;

/// <summary>
/// The real app on a real database of its own (see <see cref="TestDatabase"/>), hosted in memory.
/// Time is a <see cref="FakeTimeProvider"/> the test moves by hand.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = TestDatabase.Create();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Extra configuration for this app (set before its first use).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);

        // Every test client comes from one address; the per-IP sign-in limit is tested on its own (RateLimitTests).
        builder.UseSetting("Accounts:AttemptsPerWindow", "100000");

        // Mailed links use the configured public address only (never the Host header).
        builder.UseSetting("Mail:PublicBaseUrl", "http://localhost");

        // The chat-log purge runs when a test calls it (ChatLogPurge.PurgeOnceAsync), not on the moved fake clock.
        builder.UseSetting("Retention:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<IStartupFilter, TestClientAddress>();
        });
    }
}
