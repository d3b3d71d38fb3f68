using System.Net;
using Meterchat.Chats;
using Meterchat.Chats.Relay;
using Meterchat.Hosting;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Tron.Crypto;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Hosting;

/// <summary>The production switch: Production starts only with a complete configuration, and says what is missing.</summary>
public class ProductionConfigurationTests
{
    [Fact]
    public void Production_with_no_settings_refuses_to_start_listing_every_missing_one()
    {
        using var factory = new ProductionApp(new Dictionary<string, string?>());

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var refusal = Refusal(error);
        foreach (var key in new[]
        {
            "Database:ConnectionString", "Redis:Connection", "Chat:TurnSecret", "Chat:TurnUrls", "Chain:ApiKey",
            "Withdrawals:HotWalletKeyFile", "Deposits:AccountXpub", "Receipts:SigningKey", "Mail:SmtpHost", "Mail:PublicBaseUrl",
        })
        {
            Assert.Contains(key, refusal.Message, StringComparison.Ordinal);
        }

        Assert.Contains("Withdrawals__HotWalletKeyFile", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(10, refusal.Problems.Count);
    }

    [Fact]
    public void Production_refuses_dev_choices_and_never_prints_a_secret()
    {
        var settings = ProductionSettings.Complete("Host=db.internal;Database=meterchat");
        settings["Chain:Mode"] = "DevChain";
        settings["Chat:Evidence"] = "Client";
        settings["Database:Provider"] = "Sqlite";
        settings["Chat:TurnSecret"] = "short-secret";
        settings["Withdrawals:HotWalletKeyFile"] = "/nonexistent/hotwallet.key";
        using var factory = new ProductionApp(settings);

        var refusal = Refusal(Assert.ThrowsAny<Exception>(() => factory.CreateClient()));

        Assert.Equal(
            ["Database:Provider", "Chat:Evidence", "Chat:TurnSecret", "Chain:Mode", "Withdrawals:HotWalletKeyFile"],
            refusal.Problems.Select(p => p[..p.IndexOf(' ', StringComparison.Ordinal)]));
        Assert.DoesNotContain("short-secret", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/nonexistent", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_every_setting_starts_on_postgres_with_relay_evidence()
    {
        var database = ProductionSettings.NewPostgresDatabase();
        var keyFile = Path.Combine(Path.GetTempPath(), $"meterchat-hotwallet-{Guid.NewGuid():N}.key");
        await File.WriteAllTextAsync(keyFile, TronKey.Generate().ExportHex());
        try
        {
            var settings = ProductionSettings.Complete(database);
            settings["Withdrawals:HotWalletKeyFile"] = keyFile;
            await using var factory = new ProductionApp(settings);

            var health = await factory.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.IsType<RelayMediaEvidence>(factory.Services.GetRequiredService<IMediaEvidence>());

            // HSTS in Production, on HTTPS responses only (RFC 6797: never over plain HTTP).
            using var https = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://meterchat.example") });
            var secure = await https.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Contains("max-age=31536000", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
            Assert.False(health.Headers.Contains("Strict-Transport-Security"));

            // The API's map is not published in Production unless Web:PublishApiDocs says so.
            // Unmapped, the paths fall to the sign-in like any unknown path (302 for pages, 401 under /api).
            using var stranger = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://meterchat.example"), AllowAutoRedirect = false });
            Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync(new Uri("/api/docs", UriKind.Relative))).StatusCode);
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    private static ProductionConfigurationException Refusal(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is ProductionConfigurationException refusal)
            {
                return refusal;
            }
        }

        throw new Xunit.Sdk.XunitException($"Expected a ProductionConfigurationException, got {error}");
    }

    private sealed class ProductionApp(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");

            // appsettings.json's development database must not count as configured.
            builder.UseSetting("Database:ConnectionString", string.Empty);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
