using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Meterchat.Data;
using Meterchat.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Meterchat.Ledger;

/// <summary>
/// The ledger on the app's database (SQLite or PostgreSQL, same SQL). Writes are hand-written set-based SQL in one
/// transaction per call: the transfer row first (its unique key makes replays no-ops), then guarded debits
/// (<c>UPDATE ... WHERE Balance + @amount &gt;= 0</c>, so a user account can never go below zero whatever runs
/// concurrently), then credits; system accounts (a hot row for every chat unit) are updated once per batch with the sum.
/// SQLite has one writer, so writes queue on an in-process gate instead of fighting for the file lock;
/// PostgreSQL relies on row locks and retries a batch on deadlock or serialization failure.
/// </summary>
internal sealed class SqlLedger(IServiceScopeFactory scopes, TimeProvider time, ILogger<SqlLedger> logger, MeterchatMetrics metrics) : ILedger, IDisposable
{
    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();
    private readonly ConcurrentDictionary<string, long> _accountIds = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

    public void Dispose() => _sqliteWriter.Dispose();

    public async Task<TransferResult> TransferAsync(TransferRequest request, CancellationToken cancellationToken = default) =>
        (await TransferBatchAsync([request], cancellationToken))[0];

    public async Task<IReadOnlyList<TransferResult>> TransferBatchAsync(IReadOnlyList<TransferRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        metrics.LedgerBatch(requests.Count);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sqlite = db.Database.IsSqlite();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);

        if (sqlite)
        {
            await _sqliteWriter.WaitAsync(cancellationToken);
        }

        try
        {
            await EnsureAccountsAsync(connection, requests, cancellationToken);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return sqlite
                        ? await WriteBatchAsync(connection, sqlite, requests, cancellationToken)
                        : await WritePipelinedAsync((NpgsqlConnection)connection, requests, cancellationToken);
                }
                catch (PostgresException e) when (attempt < 5 && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
                {
                    logger.LogWarning("Ledger batch of {Count} retried after {SqlState}", requests.Count, e.SqlState);
                }
            }
        }
        finally
        {
            if (sqlite)
            {
                _sqliteWriter.Release();
            }
        }
    }

    public async Task<UserBalances> GetBalancesAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Set<LedgerAccount>().AsNoTracking().Where(a => a.UserId == userId)
            .Select(a => new { a.Kind, a.Balance }).ToListAsync(cancellationToken);
        Micros Of(AccountKind kind) => new(rows.Where(r => r.Kind == kind).Sum(r => r.Balance));
        return new UserBalances(Of(AccountKind.Wallet), Of(AccountKind.Earnings), Of(AccountKind.Held));
    }

    public async Task<Micros> GetBalanceAsync(AccountRef account, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var balance = await db.Set<LedgerAccount>().AsNoTracking().Where(a => a.Code == account.Code)
            .Select(a => (long?)a.Balance).FirstOrDefaultAsync(cancellationToken);
        return new Micros(balance ?? 0);
    }

    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string userId, int limit, long? before = null, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var query =
            from leg in db.Set<LedgerLeg>()
            join account in db.Set<LedgerAccount>() on leg.AccountId equals account.Id
            join transfer in db.Set<LedgerTransfer>() on leg.TransferId equals transfer.Id
            where account.UserId == userId && (before == null || transfer.Id < before)
            orderby transfer.Id descending, account.Kind
            select new { transfer.Id, transfer.CreatedAt, transfer.Kind, transfer.Reference, Account = account.Kind, leg.Amount };
        var rows = await query.AsNoTracking().Take(Math.Clamp(limit, 1, 500)).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new HistoryEntry(r.Id, r.CreatedAt, r.Kind, r.Reference, r.Account, new Micros(r.Amount)))];
    }

    /// <summary>PostgreSQL: the pipelined batch, then the few transfers it refused once more on the per-transfer path.</summary>
    private async Task<IReadOnlyList<TransferResult>> WritePipelinedAsync(NpgsqlConnection connection, IReadOnlyList<TransferRequest> requests, CancellationToken ct)
    {
        var results = await PostgresBatchWriter.WriteAsync(connection, requests, a => _accountIds[a.Code], time.GetUtcNow(), ct);
        var unsettled = Enumerable.Range(0, requests.Count).Where(i => results[i] is null).ToArray();
        if (unsettled.Length > 0)
        {
            var retried = await WriteBatchAsync(connection, false, [.. unsettled.Select(i => requests[i])], ct);
            for (var u = 0; u < unsettled.Length; u++)
            {
                results[unsettled[u]] = retried[u];
            }
        }

        return results!;
    }

    private async Task<IReadOnlyList<TransferResult>> WriteBatchAsync(DbConnection connection, bool sqlite, IReadOnlyList<TransferRequest> requests, CancellationToken ct)
    {
        var results = new TransferResult[requests.Count];
        var systemDeltas = new SortedDictionary<long, long>();
        var legRows = new List<(int Request, long AccountId, long Amount)>(requests.Count * 3);
        var transferIds = new long[requests.Count];
        var keysInBatch = new Dictionary<string, (int Index, string Fingerprint)>(StringComparer.Ordinal);
        var createdAt = sqlite ? (object)SqliteTime.ConvertToProvider(time.GetUtcNow())! : time.GetUtcNow();

        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        await using var insertTransfer = Command(connection, tx,
            """INSERT INTO "LedgerTransfers" ("IdempotencyKey", "Kind", "Reference", "CreatedAt", "Fingerprint") VALUES (@key, @kind, @reference, @createdAt, @fingerprint) ON CONFLICT ("IdempotencyKey") DO NOTHING RETURNING "Id" """,
            "key", "kind", "reference", "createdAt", "fingerprint");
        await using var findTransfer = Command(connection, tx,
            """SELECT "Id", "Fingerprint" FROM "LedgerTransfers" WHERE "IdempotencyKey" = @key""", "key");
        await using var debit = Command(connection, tx,
            """UPDATE "LedgerAccounts" SET "Balance" = "Balance" + @amount WHERE "Id" = @id AND "Balance" + @amount >= 0""", "amount", "id");
        await using var credit = Command(connection, tx,
            """UPDATE "LedgerAccounts" SET "Balance" = "Balance" + @amount WHERE "Id" = @id""", "amount", "id");
        await using var deleteTransfer = Command(connection, tx, """DELETE FROM "LedgerTransfers" WHERE "Id" = @id""", "id");

        // Phase 1: claim every key, in key order (a fixed lock order on the unique index across concurrent writers).
        var order = Enumerable.Range(0, requests.Count).OrderBy(i => requests[i].IdempotencyKey, StringComparer.Ordinal).ToArray();
        var fingerprints = new string?[requests.Count];
        foreach (var i in order)
        {
            var request = requests[i];
            if (request.Problem() is { } problem)
            {
                results[i] = new TransferResult(request.IdempotencyKey, TransferStatus.Invalid, null, problem);
                continue;
            }

            var fingerprint = fingerprints[i] = TransferFingerprint.Of(request);
            if (keysInBatch.ContainsKey(request.IdempotencyKey))
            {
                continue; // settled after its first occurrence is
            }

            keysInBatch[request.IdempotencyKey] = (i, fingerprint);
            Set(insertTransfer, request.IdempotencyKey, (int)request.Kind, (object?)request.Reference ?? DBNull.Value, createdAt, fingerprint);
            if (await insertTransfer.ExecuteScalarAsync(ct) is { } inserted)
            {
                transferIds[i] = Convert.ToInt64(inserted, System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }

            Set(findTransfer, request.IdempotencyKey);
            await using var reader = await findTransfer.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            results[i] = ReplayOf(request.IdempotencyKey, reader.GetInt64(0), reader.GetString(1) == fingerprint);
        }

        // Phase 2 (PostgreSQL): lock every account the batch touches, in id order, before changing any.
        if (!sqlite)
        {
            await LockAccountsAsync(connection, tx, requests, transferIds, ct);
        }

        // Phase 3: move the money, in request order.
        var userLegs = new List<(long Id, long Amount)>(4);
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            if (results[i] is not null)
            {
                continue;
            }

            if (transferIds[i] == 0)
            {
                // The key appeared earlier in this batch: same answer as its first occurrence.
                var first = keysInBatch[request.IdempotencyKey];
                var earlier = results[first.Index];
                results[i] = first.Fingerprint != fingerprints[i] ? ReplayOf(request.IdempotencyKey, earlier.TransferId, false)
                    : earlier.Succeeded ? ReplayOf(request.IdempotencyKey, earlier.TransferId, true)
                    : earlier;
                continue;
            }

            var transferId = transferIds[i];
            userLegs.Clear();
            foreach (var leg in request.Legs)
            {
                if (leg.Account.IsUser)
                {
                    userLegs.Add((_accountIds[leg.Account.Code], leg.Amount.Value));
                }
            }

            // Debits first: only they can fail, and a failure then has little to undo.
            userLegs.Sort((a, b) => a.Amount < 0 == b.Amount < 0 ? a.Id.CompareTo(b.Id) : a.Amount < 0 ? -1 : 1);
            var applied = 0;
            for (; applied < userLegs.Count; applied++)
            {
                var (id, amount) = userLegs[applied];
                var update = amount < 0 ? debit : credit;
                Set(update, amount, id);
                if (await update.ExecuteNonQueryAsync(ct) == 0)
                {
                    break;
                }
            }

            if (applied < userLegs.Count)
            {
                for (var undo = 0; undo < applied; undo++)
                {
                    Set(credit, -userLegs[undo].Amount, userLegs[undo].Id);
                    await credit.ExecuteNonQueryAsync(ct);
                }

                Set(deleteTransfer, transferId);
                await deleteTransfer.ExecuteNonQueryAsync(ct);
                transferIds[i] = 0;
                results[i] = new TransferResult(request.IdempotencyKey, TransferStatus.InsufficientFunds, null, "A user account would go below zero.");
                continue;
            }

            foreach (var leg in request.Legs)
            {
                var accountId = _accountIds[leg.Account.Code];
                legRows.Add((i, accountId, leg.Amount.Value));
                if (!leg.Account.IsUser)
                {
                    systemDeltas[accountId] = checked(systemDeltas.GetValueOrDefault(accountId) + leg.Amount.Value);
                }
            }

            results[i] = new TransferResult(request.IdempotencyKey, TransferStatus.Completed, transferId);
        }

        foreach (var (accountId, delta) in systemDeltas)
        {
            Set(credit, delta, accountId);
            await credit.ExecuteNonQueryAsync(ct);
        }

        await InsertLegsAsync(connection, tx, legRows, transferIds, ct);
        await tx.CommitAsync(ct);
        return results;
    }

    /// <summary>Takes the row locks of every account the batch's new transfers touch, in id order, so writers never deadlock.</summary>
    private async Task LockAccountsAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<TransferRequest> requests, long[] transferIds, CancellationToken ct)
    {
        var ids = new SortedSet<long>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (transferIds[i] != 0)
            {
                foreach (var leg in requests[i].Legs)
                {
                    ids.Add(_accountIds[leg.Account.Code]);
                }
            }
        }

        if (ids.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        // Only integers are inlined.
        command.CommandText = $"""SELECT "Id" FROM "LedgerAccounts" WHERE "Id" IN ({string.Join(',', ids)}) ORDER BY "Id" FOR UPDATE""";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
        }
    }

    private static TransferResult ReplayOf(string key, long? transferId, bool sameContent) => sameContent
        ? new TransferResult(key, TransferStatus.Replayed, transferId)
        : new TransferResult(key, TransferStatus.KeyConflict, transferId, "This idempotency key was used before for a different transfer.");

    private static async Task InsertLegsAsync(DbConnection connection, DbTransaction tx, List<(int Request, long AccountId, long Amount)> rows, long[] transferIds, CancellationToken ct)
    {
        const int Chunk = 500;
        var sql = new System.Text.StringBuilder(Chunk * 24);
        for (var start = 0; start < rows.Count; start += Chunk)
        {
            sql.Clear().Append("""INSERT INTO "LedgerLegs" ("TransferId", "AccountId", "Amount") VALUES """);
            var end = Math.Min(rows.Count, start + Chunk);
            for (var r = start; r < end; r++)
            {
                // Only integers are inlined: nothing user-supplied reaches this text.
                var (request, accountId, amount) = rows[r];
                sql.Append(r == start ? "(" : ",(").Append(transferIds[request]).Append(',').Append(accountId).Append(',').Append(amount).Append(')');
            }

            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = sql.ToString();
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Creates missing account rows in a committed transaction of their own, so a cached id always exists.</summary>
    private async Task EnsureAccountsAsync(DbConnection connection, IReadOnlyList<TransferRequest> requests, CancellationToken ct)
    {
        var missing = requests.Where(r => r?.Legs is not null).SelectMany(r => r.Legs).Select(l => l.Account)
            .Where(a => a.Code is not null && !_accountIds.ContainsKey(a.Code)).DistinctBy(a => a.Code).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var insert = Command(connection, tx,
            """INSERT INTO "LedgerAccounts" ("Code", "Kind", "UserId", "Balance") VALUES (@code, @kind, @userId, 0) ON CONFLICT ("Code") DO NOTHING""",
            "code", "kind", "userId");
        await using var find = Command(connection, tx, """SELECT "Id" FROM "LedgerAccounts" WHERE "Code" = @code""", "code");
        var found = new List<(string Code, long Id)>(missing.Count);
        foreach (var account in missing)
        {
            Set(insert, account.Code, (int)account.Kind, (object?)account.UserId ?? DBNull.Value);
            await insert.ExecuteNonQueryAsync(ct);
            Set(find, account.Code);
            found.Add((account.Code, Convert.ToInt64(await find.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture)));
        }

        await tx.CommitAsync(ct);
        foreach (var (code, id) in found)
        {
            _accountIds[code] = id;
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction tx, string sql, params string[] parameters)
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

    private static void Set(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }
}
