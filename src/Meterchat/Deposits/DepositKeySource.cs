using Meterchat.Data;
using Meterchat.Tron.Crypto;
using Microsoft.Data.Sqlite;
using NBitcoin;
using Npgsql;

namespace Meterchat.Deposits;

/// <summary>
/// Where the deposit xpub comes from: <c>Deposits:AccountXpub</c>, or outside Production a development mnemonic
/// generated on the first start and kept beside the database (like the dev chain's state). Production never
/// generates one and never takes a private key.
/// </summary>
public static class DepositKeySource
{
    public static DepositKeys Resolve(DepositOptions options, IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(options.AccountXpub))
        {
            return DepositKeys.FromAccountXpub(options.AccountXpub);
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException("Deposits:AccountXpub is required in Production (the account xpub of m/44'/195'/0').");
        }

        var path = DevKeyPath(configuration);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var mnemonic = new Mnemonic(Wordlist.English, WordCount.Twelve).ToString();
            File.WriteAllText(path, mnemonic + Environment.NewLine);
            logger.LogWarning("Generated a development deposit mnemonic in {Path}: for development only, never for real money", path);
        }

        return DepositKeys.FromAccountXpub(DepositKeys.AccountXpubFromMnemonic(File.ReadAllText(path).Trim()));
    }

    /// <summary>Beside the SQLite file, or data/deposit-keys-&lt;database&gt;.txt for PostgreSQL.</summary>
    public static string DevKeyPath(IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database ?? "meterchat";
            return Path.Combine("data", $"deposit-keys-{name}.txt");
        }

        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        return string.IsNullOrEmpty(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.Ordinal)
            ? Path.Combine("data", "deposit-keys.txt")
            : Path.ChangeExtension(file, ".deposit-keys.txt");
    }
}
