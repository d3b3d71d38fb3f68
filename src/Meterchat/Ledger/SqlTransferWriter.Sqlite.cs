using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;

namespace Meterchat.Ledger;

/// <summary>
/// SQLite's set-based part of the batch: the meter's tick profile showed the per-transfer claim, debit and credit
/// statements (each bound and stepped on its own by Microsoft.Data.Sqlite) as half the tick's time. Here the keys are
/// claimed in ONE insert, the debits no other transfer of the batch can interfere with go in ONE guarded update, and
/// credits to accounts the batch never debits are summed and applied in ONE update; each statement reads a single
/// JSON parameter with <c>json_each</c>. What is left (an account debited twice, or debited and credited, in one batch)
/// goes through the per-transfer path in request order, so every outcome is the one the serial order gives.
/// </summary>
internal sealed partial class SqlTransferWriter
{
    private static readonly DeferredCredits NoDeferredCredits = new([], []);

    /// <summary>
    /// Transfers whose debit already went set-based (<paramref name="Moved"/>, by request index) and the user accounts
    /// the batch credits but never debits (<paramref name="Accounts"/>): their credits are summed, not applied in order.
    /// </summary>
    private sealed record DeferredCredits(HashSet<int> Moved, HashSet<long> Accounts);

    /// <summary>Claims the keys of <paramref name="claims"/> (in key order) in one insert; a key already taken is a replay or a conflict.</summary>
    private static async Task ClaimAllAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<TransferRequest> requests, List<int> claims, object createdAt,
        string?[] fingerprints, long[] transferIds, TransferResult[] results, DbCommand findTransfer, CancellationToken ct)
    {
        if (claims.Count == 0)
        {
            return;
        }

        var json = Json(claims, (w, i) =>
        {
            var request = requests[i];
            w.WriteStringValue(request.IdempotencyKey);
            w.WriteNumberValue((int)request.Kind);
            if (request.Reference is { } reference)
            {
                w.WriteStringValue(reference);
            }
            else
            {
                w.WriteNullValue();
            }

            w.WriteStringValue(fingerprints[i]);
        });
        await using var insert = LedgerCommands.Create(connection, tx, """
            INSERT INTO "LedgerTransfers" ("IdempotencyKey", "Kind", "Reference", "CreatedAt", "Fingerprint")
            SELECT value ->> 0, value ->> 1, value ->> 2, @createdAt, value ->> 3 FROM json_each(@claims) WHERE true
            ON CONFLICT ("IdempotencyKey") DO NOTHING RETURNING "Id", "IdempotencyKey"
            """, "claims", "createdAt");
        LedgerCommands.Set(insert, json, createdAt);
        var claimed = new Dictionary<string, long>(claims.Count, StringComparer.Ordinal);
        await using (var reader = await insert.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                claimed[reader.GetString(1)] = reader.GetInt64(0);
            }
        }

        foreach (var i in claims)
        {
            var key = requests[i].IdempotencyKey;
            if (claimed.TryGetValue(key, out var id))
            {
                transferIds[i] = id;
                continue;
            }

            LedgerCommands.Set(findTransfer, key);
            await using var reader = await findTransfer.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            results[i] = ReplayOf(key, reader.GetInt64(0), reader.GetString(1) == fingerprints[i]);
        }
    }

    /// <summary>
    /// The debits of new transfers that debit exactly one user account which no other transfer of the batch debits or
    /// credits, and credit only accounts the batch never debits: their order against the rest of the batch cannot change
    /// any outcome, so they go in one guarded update. A debit the guard refuses un-claims its transfer (insufficient funds).
    /// </summary>
    private async Task<DeferredCredits> DebitAloneAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<TransferRequest> requests, long[] transferIds,
        TransferResult[] results, DbCommand deleteTransfer, Dictionary<long, long> committed, CancellationToken ct)
    {
        var debits = new Dictionary<long, int>(); // account → how many debit legs of new transfers it has
        var credited = new HashSet<long>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (transferIds[i] == 0 || results[i] is not null)
            {
                continue;
            }

            foreach (var leg in requests[i].Legs)
            {
                if (leg.Account.IsUser)
                {
                    var id = accounts.Of(leg.Account);
                    if (leg.Amount.IsPositive)
                    {
                        credited.Add(id);
                    }
                    else
                    {
                        debits[id] = debits.GetValueOrDefault(id) + 1;
                    }
                }
            }
        }

        var deferred = new DeferredCredits([], [.. credited.Where(id => !debits.ContainsKey(id))]);
        var alone = new List<(int Request, long Account, long Amount)>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (transferIds[i] == 0 || results[i] is not null)
            {
                continue;
            }

            (long Account, long Amount)? debit = null;
            var fits = true;
            foreach (var leg in requests[i].Legs.Where(l => l.Account.IsUser))
            {
                var id = accounts.Of(leg.Account);
                if (leg.Amount.IsPositive)
                {
                    fits &= deferred.Accounts.Contains(id);
                }
                else
                {
                    fits &= debit is null && debits[id] == 1 && !credited.Contains(id);
                    debit = (id, leg.Amount.Value);
                }
            }

            if (fits && debit is { } d)
            {
                alone.Add((i, d.Account, d.Amount));
            }
        }

        if (alone.Count == 0)
        {
            return deferred;
        }

        await using var update = LedgerCommands.Create(connection, tx, """
            UPDATE "LedgerAccounts" AS a SET "Balance" = a."Balance" + v.amt
            FROM (SELECT value ->> 0 AS acc, value ->> 1 AS amt FROM json_each(@debits)) AS v
            WHERE a."Id" = v.acc AND a."Balance" + v.amt >= 0
            RETURNING "Id", "Balance"
            """, "debits");
        LedgerCommands.Set(update, Json(alone, (w, x) =>
        {
            w.WriteNumberValue(x.Account);
            w.WriteNumberValue(x.Amount);
        }));
        var debited = new HashSet<long>(alone.Count);
        await using (var reader = await update.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                debited.Add(reader.GetInt64(0));
                committed[reader.GetInt64(0)] = reader.GetInt64(1); // nothing else in the batch touches these accounts
            }
        }

        foreach (var (i, account, _) in alone)
        {
            if (debited.Contains(account))
            {
                deferred.Moved.Add(i);
                continue;
            }

            LedgerCommands.Set(deleteTransfer, transferIds[i]);
            await deleteTransfer.ExecuteNonQueryAsync(ct);
            transferIds[i] = 0;
            results[i] = new TransferResult(requests[i].IdempotencyKey, TransferStatus.InsufficientFunds, null, "A user account would go below zero.");
        }

        return deferred;
    }

    /// <summary>Adds each summed delta (system accounts, deferred credits) to its account, in one update.</summary>
    private static async Task AddAllAsync(DbConnection connection, DbTransaction tx, SortedDictionary<long, long> deltas, CancellationToken ct)
    {
        if (deltas.Count == 0)
        {
            return;
        }

        await using var update = LedgerCommands.Create(connection, tx, """
            UPDATE "LedgerAccounts" AS a SET "Balance" = a."Balance" + v.amt
            FROM (SELECT value ->> 0 AS acc, value ->> 1 AS amt FROM json_each(@deltas)) AS v
            WHERE a."Id" = v.acc
            """, "deltas");
        LedgerCommands.Set(update, Json(deltas.ToList(), (w, x) =>
        {
            w.WriteNumberValue(x.Key);
            w.WriteNumberValue(x.Value);
        }));
        await update.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One JSON array of per-item arrays (positional: smaller than objects, and read by index).</summary>
    private static string Json<T>(IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>(items.Count * 64 + 2);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            w.WriteStartArray();
            foreach (var item in items)
            {
                w.WriteStartArray();
                write(w, item);
                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
