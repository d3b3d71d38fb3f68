using Meterchat.Chain;
using Meterchat.Chats.Live;
using Meterchat.Chats.Relay;
using Meterchat.Data;
using Meterchat.Tron.Encoding;
using Npgsql;

namespace Meterchat.Hosting;

/// <summary>
/// What Production needs before it may start (docs/deploy.md): PostgreSQL, Redis, the TURN relay as the meter's
/// evidence, a real TRON node, the hot wallet key and the deposit xpub, SMTP. Everything is checked at once so the
/// operator gets ONE list; nothing falls back to a development key, mnemonic or the dev chain. Problems name the
/// setting (and its environment variable), never its value: values may be secrets.
/// </summary>
public static class ProductionConfiguration
{
    /// <summary>Every missing or invalid setting; empty when Production may start.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration, Func<string, bool> fileExists)
    {
        var problems = new List<string>();
        void Require(bool ok, string key, string what)
        {
            if (!ok)
            {
                problems.Add($"{key} ({EnvironmentVariable(key)}): {what}");
            }
        }

        bool Set(string key) => !string.IsNullOrWhiteSpace(configuration[key]);

        // Database: PostgreSQL only (SQLite is the embedded development database).
        Require(configuration.GetValue<DatabaseProvider?>("Database:Provider") == DatabaseProvider.Postgres, "Database:Provider", "must be Postgres");
        Require(IsPostgresConnection(configuration["Database:ConnectionString"]), "Database:ConnectionString", "a PostgreSQL connection string with Host and Database");

        // Redis: coturn's traffic events (and the SignalR backplane).
        Require(IsRedisConnection(configuration[RelayEvidenceFeature.RedisConnectionKey]), RelayEvidenceFeature.RedisConnectionKey, "a Redis connection string (host:port[,password=…])");

        // The meter bills on the relay's evidence; clients get per-session TURN credentials.
        const string Chat = ChatOptions.SectionName;
        Require(configuration.GetValue<EvidenceSource?>($"{Chat}:Evidence") == EvidenceSource.Relay, $"{Chat}:Evidence", "must be Relay (client reports can be faked)");
        Require(configuration[$"{Chat}:TurnSecret"] is { Length: >= 16 } secret && !string.IsNullOrWhiteSpace(secret), $"{Chat}:TurnSecret", "coturn's static-auth-secret, at least 16 characters");
        var turnUrls = configuration.GetSection($"{Chat}:TurnUrls").Get<string[]>() ?? [];
        Require(turnUrls.Length > 0 && turnUrls.All(u => u.StartsWith("turn:", StringComparison.Ordinal) || u.StartsWith("turns:", StringComparison.Ordinal)),
            $"{Chat}:TurnUrls", "one or more turn:/turns: URLs of the coturn server");

        // A real TRON node: never the dev chain.
        Require(configuration.GetValue<ChainMode?>("Chain:Mode") == ChainMode.Node, "Chain:Mode", "must be Node (the dev chain moves no real money)");
        Require(Uri.TryCreate(configuration["Chain:NodeUrl"], UriKind.Absolute, out var node) && node.Scheme is "https" or "http", "Chain:NodeUrl", "the TRON node's absolute URL");
        Require(Set("Chain:ApiKey"), "Chain:ApiKey", "the node's API key (TRON-PRO-API-KEY)");
        Require(!Set("Chain:UsdtContract") || TronAddress.TryParse(configuration["Chain:UsdtContract"], out _, out _), "Chain:UsdtContract", "a TRON address (leave unset for mainnet USDT)");

        // Keys: the hot wallet signs payouts; deposits need only the account xpub (never a private key or mnemonic).
        var keyFile = configuration["Withdrawals:HotWalletKeyFile"];
        Require(Set("Withdrawals:HotWalletKey") || (!string.IsNullOrWhiteSpace(keyFile) && fileExists(keyFile)),
            "Withdrawals:HotWalletKeyFile", string.IsNullOrWhiteSpace(keyFile) ? "the hot wallet key file (or Withdrawals:HotWalletKey)" : "the hot wallet key file does not exist");
        Require(configuration["Deposits:AccountXpub"]?.Trim().StartsWith("xpub", StringComparison.Ordinal) == true, "Deposits:AccountXpub", "the account xpub of m/44'/195'/0' (public key only)");

        // Receipts are signed with the platform receipt key (docs/receipts.md); never a generated one.
        var receiptKeyFile = configuration["Receipts:SigningKeyFile"];
        Require(Set("Receipts:SigningKey") || (!string.IsNullOrWhiteSpace(receiptKeyFile) && fileExists(receiptKeyFile)),
            "Receipts:SigningKey", string.IsNullOrWhiteSpace(receiptKeyFile) ? "the ECDSA P-256 receipt key, PEM (or Receipts:SigningKeyFile)" : "the receipt key file does not exist");

        // Mail: real SMTP, links to the public address.
        Require(string.Equals(configuration["Mail:Delivery"], "Smtp", StringComparison.OrdinalIgnoreCase), "Mail:Delivery", "must be Smtp (the outbox is for Development and Testing only)");
        Require(Set("Mail:SmtpHost"), "Mail:SmtpHost", "the SMTP server's host name");
        Require(Uri.TryCreate(configuration["Mail:PublicBaseUrl"], UriKind.Absolute, out var site) && site.Scheme == "https", "Mail:PublicBaseUrl", "the site's public https:// address (links in mails)");
        return problems;
    }

    /// <summary>The environment variable that sets a key: ':' becomes '__'.</summary>
    public static string EnvironmentVariable(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    private static bool IsPostgresConnection(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        try
        {
            var csb = new NpgsqlConnectionStringBuilder(value);
            return !string.IsNullOrWhiteSpace(csb.Host) && !string.IsNullOrWhiteSpace(csb.Database);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsRedisConnection(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        try
        {
            return StackExchange.Redis.ConfigurationOptions.Parse(value).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
