using System.Collections.Concurrent;
using System.Data.Common;

namespace Meterchat.Ledger;

/// <summary>The ids of the ledger's account rows by account code, cached for the process: rows are never deleted.</summary>
internal sealed class LedgerAccountIds
{
    private readonly ConcurrentDictionary<string, long> _ids = new(StringComparer.Ordinal);

    /// <summary>The row id of an account that <see cref="EnsureAsync"/> has seen.</summary>
    public long Of(AccountRef account) => _ids[account.Code];

    /// <summary>Creates missing account rows in a committed transaction of their own, so a cached id always exists.</summary>
    public async Task EnsureAsync(DbConnection connection, IReadOnlyList<TransferRequest> requests, CancellationToken ct)
    {
        var missing = requests.Where(r => r?.Legs is not null).SelectMany(r => r.Legs).Select(l => l.Account)
            .Where(a => a.Code is not null && !_ids.ContainsKey(a.Code)).DistinctBy(a => a.Code).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var insert = LedgerCommands.Create(connection, tx,
            """INSERT INTO "LedgerAccounts" ("Code", "Kind", "UserId", "Balance") VALUES (@code, @kind, @userId, 0) ON CONFLICT ("Code") DO NOTHING""",
            "code", "kind", "userId");
        await using var find = LedgerCommands.Create(connection, tx, """SELECT "Id" FROM "LedgerAccounts" WHERE "Code" = @code""", "code");
        var found = new List<(string Code, long Id)>(missing.Count);
        foreach (var account in missing)
        {
            LedgerCommands.Set(insert, account.Code, (int)account.Kind, (object?)account.UserId ?? DBNull.Value);
            await insert.ExecuteNonQueryAsync(ct);
            LedgerCommands.Set(find, account.Code);
            found.Add((account.Code, Convert.ToInt64(await find.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture)));
        }

        await tx.CommitAsync(ct);
        foreach (var (code, id) in found)
        {
            _ids[code] = id;
        }
    }
}
