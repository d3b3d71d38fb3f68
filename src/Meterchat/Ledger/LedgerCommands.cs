using System.Data.Common;

namespace Meterchat.Ledger;

/// <summary>Prepared-shape ADO.NET commands of the ledger's hand-written SQL: named parameters, set by position.</summary>
internal static class LedgerCommands
{
    public static DbCommand Create(DbConnection connection, DbTransaction tx, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            command.Parameters.Add(p);
        }

        return command;
    }

    public static void Set(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }
}
