using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Data;

public static class DataFeature
{
    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        if (options.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(PreparePostgres(options.ConnectionString)).AddInterceptors(new StoredTextCheck()));
        }
        else
        {
            var connectionString = PrepareSqlite(options.ConnectionString);
            builder.Services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(new StoredTextCheck(), new SqlitePageCache(options.SqliteCacheKibibytes)));
        }

        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return builder;
    }

    /// <summary>Applies pending migrations; the schema always matches the code before anything runs.</summary>
    public static async Task MigrateDatabaseAsync(this IHost app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run beside the one writer; FULL keeps a committed transfer on power loss.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }

    /// <summary>
    /// Statements run on every tick and batch (the ledger's, the clock's) are prepared on the server after a few uses
    /// (Npgsql's automatic preparation), so they are parsed and planned once per connection, not per batch. An explicit
    /// "Max Auto Prepare" in the connection string wins.
    /// </summary>
    private static string PreparePostgres(string connectionString)
    {
        var csb = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            csb.MaxAutoPrepare = 64;
        }

        return csb.ConnectionString;
    }

    private static string PrepareSqlite(string connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        var directory = Path.GetDirectoryName(Path.GetFullPath(csb.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        csb.DefaultTimeout = 30;
        csb.Pooling = true;
        return csb.ToString();
    }
}
