using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Meterchat.Data;

/// <summary>
/// Gives each SQLite connection a larger page cache than SQLite's 2 MB default. The ledger's and the clock's inserts
/// land on random pages of their key indexes (idempotency keys and session ids are random), so at 100,000 live sessions
/// the default cache re-reads index pages from the OS on almost every insert.
/// </summary>
internal sealed class SqlitePageCache(int kibibytes) : DbConnectionInterceptor
{
    private readonly string _pragma = $"PRAGMA cache_size=-{kibibytes};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }
}
