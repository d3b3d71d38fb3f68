using Meterchat.Tron.Crypto;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Meterchat.IntegrationTests.Infrastructure;

/// <summary>
/// A complete Production configuration with fake values (nothing reaches a real service), for tests that start
/// the app in Production: it refuses to start without every setting (Hosting/ProductionConfiguration.cs).
/// </summary>
public static class ProductionSettings
{
    // A well-known test mnemonic (BIP-39 test vector): its xpub is a fake value, never used for money.
    private const string TestMnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    // A throw-away hot wallet key (never funded), written once per test run.
    private static readonly Lazy<string> HotWalletKeyFile = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), "meterchat-tests");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"hotwallet-{Guid.NewGuid():N}.key");
        using var key = TronKey.Generate();
        File.WriteAllText(path, key.ExportHex());
        return path;
    });

    // A throw-away receipt key (PEM), one per test run.
    private static readonly Lazy<string> TestReceiptKey = new(() =>
    {
        using var key = Meterchat.Chats.Receipts.ReceiptKey.Generate();
        return key.ExportPem();
    });

    /// <summary>A new database on the test PostgreSQL server (MC_TEST_POSTGRES): Production runs on PostgreSQL only.</summary>
    public static string NewPostgresDatabase()
    {
        var server = Environment.GetEnvironmentVariable("MC_TEST_POSTGRES")
            ?? throw new InvalidOperationException("Production tests need MC_TEST_POSTGRES (./test.sh starts a server and sets it).");
        return new NpgsqlConnectionStringBuilder(server) { Database = $"mc_test_{Guid.NewGuid():N}" }.ToString();
    }

    public static Dictionary<string, string?> Complete(string postgres) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = postgres,
        ["Redis:Connection"] = Environment.GetEnvironmentVariable("MC_TEST_REDIS") ?? "127.0.0.1:1",
        ["Chat:Evidence"] = "Relay",
        ["Chat:TurnSecret"] = "a-fake-turn-secret-for-tests",
        ["Chat:TurnUrls:0"] = "turn:127.0.0.1:3478?transport=udp",
        ["Chain:Mode"] = "Node",
        ["Chain:NodeUrl"] = "http://127.0.0.1:1",
        ["Chain:ApiKey"] = "fake-api-key",
        ["Withdrawals:HotWalletKey"] = null,
        ["Withdrawals:HotWalletKeyFile"] = HotWalletKeyFile.Value,
        ["Deposits:AccountXpub"] = DepositKeys.AccountXpubFromMnemonic(TestMnemonic),
        ["Receipts:SigningKey"] = TestReceiptKey.Value,
        ["Mail:Delivery"] = "Smtp",
        ["Mail:SmtpHost"] = "127.0.0.1",
        ["Mail:PublicBaseUrl"] = "https://meterchat.example",
    };

    /// <summary>Production with every setting, on a new PostgreSQL database; <paramref name="change"/> edits the set first.</summary>
    public static IWebHostBuilder UseCompleteProduction(this IWebHostBuilder builder, Action<Dictionary<string, string?>>? change = null)
    {
        var settings = Complete(NewPostgresDatabase());
        change?.Invoke(settings);
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        return builder;
    }
}
