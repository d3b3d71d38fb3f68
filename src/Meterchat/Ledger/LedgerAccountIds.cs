using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Npgsql;

namespace Meterchat.Ledger;

/// <summary>The ids of the ledger's account rows by account code, cached for the process: rows are never deleted.</summary>
internal sealed class LedgerAccountIds
{
    private readonly ConcurrentDictionary<string, long> _ids = new(StringComparer.Ordinal);

    /// <summary>The row id of an account that <see cref="EnsureAsync"/> has seen.</summary>
    public long Of(AccountRef account) => _ids[account.Code];

    /// <summary>Whether every one of these accounts has a known row.</summary>
    public bool AllKnown(IEnumerable<AccountRef> accounts) => accounts.All(a => a.Code is null || _ids.ContainsKey(a.Code));

    /// <summary>Creates missing account rows in a committed transaction of their own, so a cached id always exists.</summary>
    public Task EnsureAsync(DbConnection connection, IReadOnlyList<TransferRequest> requests, CancellationToken ct) =>
        EnsureAsync(connection, requests.Where(r => r?.Legs is not null).SelectMany(r => r.Legs).Select(l => l.Account), ct);

    /// <inheritdoc cref="EnsureAsync(DbConnection, IReadOnlyList{TransferRequest}, CancellationToken)"/>
    public async Task EnsureAsync(DbConnection connection, IEnumerable<AccountRef> accounts, CancellationToken ct)
    {
        var missing = accounts.Where(a => a.Code is not null && !_ids.ContainsKey(a.Code)).DistinctBy(a => a.Code).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        // Set-based, in code order (a fixed lock order for concurrent writers): the meter's first unit of many new
        // sessions creates their sellers' accounts at once, and one round trip per account put the clock 40 s behind at
        // 50,000 sessions on PostgreSQL.
        missing.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        var codes = missing.Select(a => a.Code).ToArray();
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var insert = connection is NpgsqlConnection
            ? LedgerCommands.Create(connection, tx, """
                INSERT INTO "LedgerAccounts" ("Code", "Kind", "UserId", "Balance")
                SELECT c, k, u, 0 FROM unnest(@codes, @kinds, @users) AS v(c, k, u) ON CONFLICT ("Code") DO NOTHING
                """, "codes", "kinds", "users")
            : LedgerCommands.Create(connection, tx, """
                INSERT INTO "LedgerAccounts" ("Code", "Kind", "UserId", "Balance")
                SELECT value ->> 0, value ->> 1, value ->> 2, 0 FROM json_each(@accounts) WHERE true ON CONFLICT ("Code") DO NOTHING
                """, "accounts");
        var kinds = missing.Select(a => (int)a.Kind).ToArray();
        var users = missing.Select(a => a.UserId).ToArray();
        if (connection is NpgsqlConnection)
        {
            LedgerCommands.Set(insert, codes, kinds, users);
        }
        else
        {
            // One array of [code, kind, user] rows (joining json_each tables by key is quadratic in SQLite).
            LedgerCommands.Set(insert, JsonSerializer.Serialize(missing.Select(a => new object?[] { a.Code, (int)a.Kind, a.UserId })));
        }

        await insert.ExecuteNonQueryAsync(ct);
        await using var find = connection is NpgsqlConnection
            ? LedgerCommands.Create(connection, tx, """SELECT "Code", "Id" FROM "LedgerAccounts" WHERE "Code" = ANY(@codes)""", "codes")
            : LedgerCommands.Create(connection, tx, """SELECT "Code", "Id" FROM "LedgerAccounts" WHERE "Code" IN (SELECT value FROM json_each(@codes))""", "codes");
        LedgerCommands.Set(find, connection is NpgsqlConnection ? codes : JsonSerializer.Serialize(codes));
        var found = new List<(string Code, long Id)>(missing.Count);
        await using (var reader = await find.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                found.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }

        await tx.CommitAsync(ct);
        foreach (var (code, id) in found)
        {
            _ids[code] = id;
        }
    }
}
