using Microsoft.Data.Sqlite;
using Npgsql;

namespace Meterchat.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh database for one app instance: a SQLite file by default, or a new PostgreSQL database
/// when MC_TEST_DB=postgres (test.sh runs the suite both ways, MC_TEST_POSTGRES names the server).
/// </summary>
public sealed class TestDatabase
{
    private TestDatabase(string provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public bool IsPostgres => Provider == "Postgres";

    public static TestDatabase Create()
    {
        var name = $"mc_test_{Guid.NewGuid():N}";
        if (string.Equals(Environment.GetEnvironmentVariable("MC_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase))
        {
            var server = Environment.GetEnvironmentVariable("MC_TEST_POSTGRES")
                ?? throw new InvalidOperationException("MC_TEST_DB=postgres needs MC_TEST_POSTGRES (./test.sh starts a server and sets it).");
            var csb = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 50 };
            return new TestDatabase("Postgres", csb.ToString());
        }

        var dir = Path.Combine(Path.GetTempPath(), "meterchat-tests");
        Directory.CreateDirectory(dir);
        return new TestDatabase("Sqlite", new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, name + ".db") }.ToString());
    }
}
