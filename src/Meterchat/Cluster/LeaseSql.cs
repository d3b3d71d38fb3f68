using System.Data.Common;
using System.Globalization;
using Meterchat.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Meterchat.Cluster;

/// <summary>
/// The lease tables' hand-written statements (valid on SQLite and PostgreSQL), shared by worker leases here and the
/// session leases of the chats: a command on the context's connection, inside its current transaction if any.
/// </summary>
public static class LeaseSql
{
    public static async Task<DbCommand> CommandAsync(AppDbContext db, string sql, IEnumerable<(string Name, object Value)> parameters, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }

        return command;
    }

    /// <summary>The token a claim statement returned, or null when it changed no row (another node holds the lease).</summary>
    public static async Task<long?> ScalarAsync(AppDbContext db, string sql, IEnumerable<(string Name, object Value)> parameters, CancellationToken ct)
    {
        await using var command = await CommandAsync(db, sql, parameters, ct);
        var result = await command.ExecuteScalarAsync(ct);
        return result is null or DBNull ? null : Convert.ToInt64(result, CultureInfo.InvariantCulture);
    }
}
