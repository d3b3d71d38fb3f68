using System.Net;
using Meterchat.IntegrationTests.Infrastructure;
using Npgsql;

namespace Meterchat.IntegrationTests.Observability;

/// <summary><c>/health/ready</c> on the production store: a real PostgreSQL server that stops serving the app's database.</summary>
public sealed class DatabaseOutageReadinessTests
{
    [Fact]
    public async Task Ready_turns_unhealthy_when_postgresql_stops_serving_and_live_stays_up()
    {
        var connectionString = ProductionSettings.NewPostgresDatabase();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var app = new AppFactory();
        app.Settings["Database:Provider"] = "Postgres";
        app.Settings["Database:ConnectionString"] = connectionString;
        app.Settings["Observability:MetricsToken"] = ObservedApp.Token;
        var (before, beforeChecks) = await ObservedApp.ReadyAsync(app);

        // As good as a stopped server for this app: no new connections, and its open ones are cut.
        await AsAdminAsync($"""ALTER DATABASE "{name}" ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}';""");
        try
        {
            var (during, duringChecks) = await ObservedApp.ReadyAsync(app);
            using var client = app.CreateClient();
            var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

            Assert.Equal((HttpStatusCode.OK, "Healthy"), (before.Item1, beforeChecks["database"]));
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), during);
            Assert.Equal("Unhealthy", duringChecks["database"]);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            await AsAdminAsync($"""ALTER DATABASE "{name}" ALLOW_CONNECTIONS true;""");
        }
    }

    private static async Task AsAdminAsync(string sql)
    {
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("MC_TEST_POSTGRES")) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
