using System.ComponentModel.DataAnnotations;

namespace Meterchat.Data;

/// <summary>Which store backs the app: SQLite (embedded default) or PostgreSQL (production).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/meterchat.db";

    /// <summary>SQLite only: each connection's page cache in KiB (SQLite's own default is 2,000). See SqlitePageCache.</summary>
    [Range(100, 4_194_304)]
    public int SqliteCacheKibibytes { get; set; } = 65_536;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
