using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Meterchat.Ledger;

/// <summary>
/// The ledger's per-transfer write path (SQLite; PostgreSQL's batches all go through <see cref="PostgresBatchWriter"/>
/// since branch pgledger, so the PostgreSQL branches below are no longer reached), in one
/// transaction: claim every key (the transfer row first, so replays are no-ops), lock the accounts (PostgreSQL), then
/// move the money with guarded debits (<c>UPDATE ... WHERE Balance + @amount &gt;= 0</c>) before credits; system
/// accounts are updated once per batch with the sum, and the legs go in as a few multi-row inserts. On SQLite the
/// common case is set-based (<c>SqlTransferWriter.Sqlite.cs</c>).
/// </summary>
internal sealed partial class SqlTransferWriter(LedgerAccountIds accounts, TimeProvider time)
{
    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();

    /// <summary>
    /// Writes the batch in one transaction. <paramref name="committed"/> gets the balance each user account this
    /// transaction debited has when it commits (each update of it returns the balance; the last one wins).
    /// </summary>
    public async Task<IReadOnlyList<TransferResult>> WriteAsync(
        DbConnection connection, bool sqlite, IReadOnlyList<TransferRequest> requests, Dictionary<long, long> committed, CancellationToken ct)
    {
        var results = new TransferResult[requests.Count];
        var summedDeltas = new SortedDictionary<long, long>();
        var legRows = new List<(int Request, long AccountId, long Amount)>(requests.Count * 3);
        var transferIds = new long[requests.Count];
        var keysInBatch = new Dictionary<string, (int Index, string Fingerprint)>(StringComparer.Ordinal);
        var createdAt = sqlite ? (object)SqliteTime.ConvertToProvider(time.GetUtcNow())! : time.GetUtcNow();

        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        await using var insertTransfer = LedgerCommands.Create(connection, tx,
            """INSERT INTO "LedgerTransfers" ("IdempotencyKey", "Kind", "Reference", "CreatedAt", "Fingerprint") VALUES (@key, @kind, @reference, @createdAt, @fingerprint) ON CONFLICT ("IdempotencyKey") DO NOTHING RETURNING "Id" """,
            "key", "kind", "reference", "createdAt", "fingerprint");
        await using var findTransfer = LedgerCommands.Create(connection, tx,
            """SELECT "Id", "Fingerprint" FROM "LedgerTransfers" WHERE "IdempotencyKey" = @key""", "key");
        await using var debit = LedgerCommands.Create(connection, tx,
            """UPDATE "LedgerAccounts" SET "Balance" = "Balance" + @amount WHERE "Id" = @id AND "Balance" + @amount >= 0 RETURNING "Balance" """, "amount", "id");
        await using var credit = LedgerCommands.Create(connection, tx,
            """UPDATE "LedgerAccounts" SET "Balance" = "Balance" + @amount WHERE "Id" = @id RETURNING "Balance" """, "amount", "id");
        await using var deleteTransfer = LedgerCommands.Create(connection, tx, """DELETE FROM "LedgerTransfers" WHERE "Id" = @id""", "id");

        // Phase 1: claim every key, in key order (a fixed lock order on the unique index across concurrent writers).
        var order = Enumerable.Range(0, requests.Count).OrderBy(i => requests[i].IdempotencyKey, StringComparer.Ordinal).ToArray();
        var fingerprints = new string?[requests.Count];
        var claims = new List<int>(sqlite ? requests.Count : 0);
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
            if (sqlite)
            {
                claims.Add(i); // claimed below, all in one statement
                continue;
            }

            LedgerCommands.Set(insertTransfer, request.IdempotencyKey, (int)request.Kind, (object?)request.Reference ?? DBNull.Value, createdAt, fingerprint);
            if (await insertTransfer.ExecuteScalarAsync(ct) is { } inserted)
            {
                transferIds[i] = Convert.ToInt64(inserted, System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }

            LedgerCommands.Set(findTransfer, request.IdempotencyKey);
            await using var reader = await findTransfer.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            results[i] = ReplayOf(request.IdempotencyKey, reader.GetInt64(0), reader.GetString(1) == fingerprint);
        }

        // Phase 2 (PostgreSQL): lock every account the batch touches, in id order, before changing any.
        var deferred = NoDeferredCredits;
        if (!sqlite)
        {
            await LockAccountsAsync(connection, tx, requests, transferIds, ct);
        }
        else
        {
            await ClaimAllAsync(connection, tx, requests, claims, createdAt, fingerprints, transferIds, results, findTransfer, ct);
            deferred = await DebitAloneAsync(connection, tx, requests, transferIds, results, deleteTransfer, committed, ct);
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
                // SQLite: a transfer whose debit went set-based has nothing left here; a credit to an account no
                // transfer of the batch debits is summed and applied once below.
                if (leg.Account.IsUser && !deferred.Moved.Contains(i) && !(leg.Amount.IsPositive && deferred.Accounts.Contains(accounts.Of(leg.Account))))
                {
                    userLegs.Add((accounts.Of(leg.Account), leg.Amount.Value));
                }
            }

            // Debits first: only they can fail, and a failure then has little to undo.
            userLegs.Sort((a, b) => a.Amount < 0 == b.Amount < 0 ? a.Id.CompareTo(b.Id) : a.Amount < 0 ? -1 : 1);
            var applied = 0;
            for (; applied < userLegs.Count; applied++)
            {
                var (id, amount) = userLegs[applied];
                var update = amount < 0 ? debit : credit;
                LedgerCommands.Set(update, amount, id);
                if (await update.ExecuteScalarAsync(ct) is not { } balance)
                {
                    break;
                }

                committed[id] = Convert.ToInt64(balance, System.Globalization.CultureInfo.InvariantCulture);
            }

            if (applied < userLegs.Count)
            {
                for (var undo = 0; undo < applied; undo++)
                {
                    LedgerCommands.Set(credit, -userLegs[undo].Amount, userLegs[undo].Id);
                    committed[userLegs[undo].Id] = Convert.ToInt64(await credit.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
                }

                LedgerCommands.Set(deleteTransfer, transferId);
                await deleteTransfer.ExecuteNonQueryAsync(ct);
                transferIds[i] = 0;
                results[i] = new TransferResult(request.IdempotencyKey, TransferStatus.InsufficientFunds, null, "A user account would go below zero.");
                continue;
            }

            foreach (var leg in request.Legs)
            {
                var accountId = accounts.Of(leg.Account);
                legRows.Add((i, accountId, leg.Amount.Value));
                if (!leg.Account.IsUser || (leg.Amount.IsPositive && deferred.Accounts.Contains(accountId)))
                {
                    summedDeltas[accountId] = checked(summedDeltas.GetValueOrDefault(accountId) + leg.Amount.Value);
                }
            }

            results[i] = new TransferResult(request.IdempotencyKey, TransferStatus.Completed, transferId);
        }

        if (sqlite)
        {
            await AddAllAsync(connection, tx, summedDeltas, ct);
        }
        else
        {
            foreach (var (accountId, delta) in summedDeltas)
            {
                LedgerCommands.Set(credit, delta, accountId);
                await credit.ExecuteNonQueryAsync(ct);
            }
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
                    ids.Add(accounts.Of(leg.Account));
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
}
