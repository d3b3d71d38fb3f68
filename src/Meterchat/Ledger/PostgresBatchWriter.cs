using Npgsql;
using NpgsqlTypes;

namespace Meterchat.Ledger;

/// <summary>
/// The ledger's batch path on PostgreSQL, set-based, in two round trips before the commit whatever the batch's size:
/// (1) claim every key (unnest, <c>ON CONFLICT DO NOTHING</c>) and lock every account the batch touches in id order,
/// reading their balances; (2) move each account's net amount in one statement, insert the legs and release the keys
/// of refused transfers. Between the two the transfers are applied in memory in request order against the locked
/// balances, so each transfer's balance guard sees exactly what it would see one by one: earlier transfers' debits
/// and credits, never a later one's. The database's check constraint still refuses any user balance below zero.
/// Every list is an array parameter (no literals in the SQL), so each statement's text is the same for every batch
/// and the server keeps it prepared.
/// </summary>
internal static class PostgresBatchWriter
{
    private const string ClaimSql = """
        INSERT INTO "LedgerTransfers" ("IdempotencyKey", "Kind", "Reference", "CreatedAt", "Fingerprint")
        SELECT k, t, r, $4, f FROM unnest($1::text[], $2::int[], $3::text[], $5::text[]) WITH ORDINALITY AS c(k, t, r, f, n) ORDER BY n
        ON CONFLICT ("IdempotencyKey") DO NOTHING RETURNING "IdempotencyKey", "Id"
        """;

    private const string LockSql = """SELECT "Id", "Balance" FROM "LedgerAccounts" WHERE "Id" = ANY($1) ORDER BY "Id" FOR UPDATE""";

    private const string FindSql = """SELECT "IdempotencyKey", "Id", "Fingerprint" FROM "LedgerTransfers" WHERE "IdempotencyKey" = ANY($1)""";

    private const string MoveSql = """
        UPDATE "LedgerAccounts" a SET "Balance" = a."Balance" + d.amount FROM unnest($1::bigint[], $2::bigint[]) AS d(id, amount) WHERE a."Id" = d.id
        """;

    private const string LegsSql = """INSERT INTO "LedgerLegs" ("TransferId", "AccountId", "Amount") SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[])""";

    private const string ReleaseSql = """DELETE FROM "LedgerTransfers" WHERE "Id" = ANY($1)""";

    public static async Task<TransferResult[]> WriteAsync(
        NpgsqlConnection connection, IReadOnlyList<TransferRequest> requests, Func<AccountRef, long> accountId, DateTimeOffset now,
        Dictionary<long, long> committed, CancellationToken ct)
    {
        var count = requests.Count;
        var results = new TransferResult?[count];
        var fingerprints = new string?[count];
        var ids = new long[count];
        var legAccounts = new long[count][];
        var firstOf = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var touched = new HashSet<long>();
        var legCount = 0;
        for (var i = 0; i < count; i++)
        {
            var request = requests[i];
            if (request.Problem() is { } problem)
            {
                results[i] = new TransferResult(request.IdempotencyKey, TransferStatus.Invalid, null, problem);
                continue;
            }

            fingerprints[i] = TransferFingerprint.Of(request);
            if (firstOf.TryAdd(request.IdempotencyKey, i))
            {
                var accounts = legAccounts[i] = new long[request.Legs.Count];
                for (var j = 0; j < accounts.Length; j++)
                {
                    touched.Add(accounts[j] = accountId(request.Legs[j].Account));
                }

                legCount += accounts.Length;
            }
        }

        if (firstOf.Count == 0)
        {
            return results!;
        }

        await using var tx = await connection.BeginTransactionAsync(ct);

        // 1. Claim the keys in key order (concurrent writers take the unique index in the same order), then lock every
        //    account in id order; one round trip.
        var claims = new int[firstOf.Count];
        var keys = new string[claims.Length];
        firstOf.Values.CopyTo(claims, 0);
        firstOf.Keys.CopyTo(keys, 0);
        Array.Sort(keys, claims, StringComparer.Ordinal);
        var locked = new long[touched.Count];
        touched.CopyTo(locked);
        Array.Sort(locked);
        var balances = new Dictionary<long, long>(locked.Length);
        await using (var claimAndLock = new NpgsqlBatch(connection, tx))
        {
            claimAndLock.BatchCommands.Add(Command(ClaimSql,
                keys,
                claims.Select(i => (int)requests[i].Kind).ToArray(),
                new NpgsqlParameter { Value = claims.Select(i => requests[i].Reference).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                now,
                claims.Select(i => fingerprints[i]!).ToArray()));
            claimAndLock.BatchCommands.Add(Command(LockSql, locked));
            await using var reader = await claimAndLock.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ids[firstOf[reader.GetString(0)]] = reader.GetInt64(1);
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                balances[reader.GetInt64(0)] = reader.GetInt64(1);
            }
        }

        await AnswerReplaysAsync(connection, tx, requests, claims.Where(i => ids[i] == 0).ToArray(), fingerprints, results, ct);

        // 2. The new transfers in request order against the locked balances: a transfer whose debit would take a user
        //    account below zero is refused, as it would be one by one, and moves nothing.
        var before = new Dictionary<long, long>(balances);
        var (legTransfers, legAccountIds, legAmounts) = (new long[legCount], new long[legCount], new long[legCount]);
        var legsWritten = 0;
        var refused = new List<long>();
        for (var i = 0; i < count; i++)
        {
            if (ids[i] == 0)
            {
                continue;
            }

            var (legs, accounts) = (requests[i].Legs, legAccounts[i]);
            var fits = true;
            for (var j = 0; j < accounts.Length && fits; j++)
            {
                fits = !legs[j].Account.IsUser || balances[accounts[j]] + legs[j].Amount.Value >= 0;
            }

            if (!fits)
            {
                refused.Add(ids[i]);
                results[i] = new TransferResult(requests[i].IdempotencyKey, TransferStatus.InsufficientFunds, null, "A user account would go below zero.");
                continue;
            }

            for (var j = 0; j < accounts.Length; j++)
            {
                balances[accounts[j]] = checked(balances[accounts[j]] + legs[j].Amount.Value);
                (legTransfers[legsWritten], legAccountIds[legsWritten], legAmounts[legsWritten]) = (ids[i], accounts[j], legs[j].Amount.Value);
                legsWritten++;
            }

            results[i] = new TransferResult(requests[i].IdempotencyKey, TransferStatus.Completed, ids[i]);
        }

        // 3. Each account's net amount in one statement (id order), the legs, and the refused transfers' keys released.
        var moved = locked.Where(id => balances[id] != before[id]).ToArray();
        await using (var settle = new NpgsqlBatch(connection, tx))
        {
            if (moved.Length > 0)
            {
                settle.BatchCommands.Add(Command(MoveSql, moved, moved.Select(id => checked(balances[id] - before[id])).ToArray()));
            }

            if (legsWritten > 0)
            {
                settle.BatchCommands.Add(Command(LegsSql, legTransfers[..legsWritten], legAccountIds[..legsWritten], legAmounts[..legsWritten]));
            }

            if (refused.Count > 0)
            {
                settle.BatchCommands.Add(Command(ReleaseSql, refused.ToArray()));
            }

            if (settle.BatchCommands.Count > 0)
            {
                await settle.ExecuteNonQueryAsync(ct);
            }
        }

        await tx.CommitAsync(ct);

        // The accounts were locked to the commit, so what the batch left in memory is what it committed.
        foreach (var id in locked)
        {
            committed[id] = balances[id];
        }

        // A repeated key inside the batch answers like its first occurrence.
        for (var i = 0; i < count; i++)
        {
            if (results[i] is null && firstOf[requests[i].IdempotencyKey] is var first && results[first] is { } earlier)
            {
                results[i] = fingerprints[first] != fingerprints[i]
                    ? new TransferResult(requests[i].IdempotencyKey, TransferStatus.KeyConflict, earlier.TransferId, "This idempotency key was used before for a different transfer.")
                    : earlier.Succeeded ? new TransferResult(requests[i].IdempotencyKey, TransferStatus.Replayed, earlier.TransferId) : earlier;
            }
        }

        return results!;
    }

    /// <summary>Keys recorded before this batch: the same transfer again is a replay, other content a conflict.</summary>
    private static async Task AnswerReplaysAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<TransferRequest> requests, int[] replays, string?[] fingerprints, TransferResult?[] results, CancellationToken ct)
    {
        if (replays.Length == 0)
        {
            return;
        }

        await using var find = new NpgsqlCommand(FindSql, connection, tx);
        find.Parameters.Add(new NpgsqlParameter { Value = replays.Select(i => requests[i].IdempotencyKey).ToArray() });
        var found = new Dictionary<string, (long Id, string Fingerprint)>(StringComparer.Ordinal);
        await using (var reader = await find.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                found[reader.GetString(0)] = (reader.GetInt64(1), reader.GetString(2));
            }
        }

        foreach (var i in replays)
        {
            var (id, fingerprint) = found[requests[i].IdempotencyKey];
            results[i] = fingerprint == fingerprints[i]
                ? new TransferResult(requests[i].IdempotencyKey, TransferStatus.Replayed, id)
                : new TransferResult(requests[i].IdempotencyKey, TransferStatus.KeyConflict, id, "This idempotency key was used before for a different transfer.");
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
