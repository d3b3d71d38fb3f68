using System.ComponentModel.DataAnnotations;

namespace Meterchat.Data;

/// <summary>Which store backs the app: SQLite (embedded default) or PostgreSQL (production).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/meterchat.db";
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
