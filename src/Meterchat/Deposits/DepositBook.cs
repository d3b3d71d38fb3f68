using System.Globalization;
using Meterchat.Data;
using Meterchat.Ledger;
using Meterchat.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Options;

namespace Meterchat.Deposits;

/// <summary>
/// Records observed deposits (one row per (TXID, log index), whoever sees it first) and credits the final ones:
/// one ledger transfer per row, key <c>deposit:{txid}:{log}</c>, once the address's final uncredited total
/// reaches the minimum. Every step is idempotent, so claims, the watcher and other instances may race.
/// </summary>
public sealed class DepositBook(AppDbContext db, ILedger ledger, TimeProvider time, IOptionsMonitor<DepositOptions> options, ILogger<DepositBook> logger, MeterchatMetrics metrics, BalancePush push)
{
    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();

    /// <summary>
    /// Inserts the transfers not yet known (a known one only gains <paramref name="final"/>) and, in the same
    /// database transaction, moves the watcher's cursor to <paramref name="cursorBlock"/>.
    /// </summary>
    public async Task RecordAsync(IReadOnlyList<ObservedTransfer> transfers, bool final, long? cursorBlock = null, CancellationToken ct = default)
    {
        if (transfers.Count == 0 && cursorBlock is null)
        {
            return;
        }

        var sqlite = db.Database.IsSqlite();
        var now = sqlite ? SqliteTime.ConvertToProvider(time.GetUtcNow())! : time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Multi-row inserts (100 rows a statement): one round trip per chunk instead of per log.
        var unique = transfers.DistinctBy(t => (t.TxId, t.LogIndex)).ToList();
        metrics.DepositsSeen(unique.Count, final);
        foreach (var chunk in unique.Chunk(100))
        {
            var sql = new System.Text.StringBuilder(
                """INSERT INTO "Deposits" ("TxId", "LogIndex", "UserId", "Address", "Amount", "BlockNumber", "Final", "ObservedAt") VALUES """);
            var parameters = new List<object>(chunk.Length * 8);
            foreach (var t in chunk)
            {
                var p = parameters.Count;
                sql.Append(parameters.Count == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture,
                    $"({{{p}}}, {{{p + 1}}}, {{{p + 2}}}, {{{p + 3}}}, {{{p + 4}}}, {{{p + 5}}}, {{{p + 6}}}, {{{p + 7}}})");
                parameters.AddRange([t.TxId, t.LogIndex, t.UserId, t.Address, t.Amount, t.BlockNumber, final, now]);
            }

            sql.Append(""" ON CONFLICT ("TxId", "LogIndex") DO UPDATE SET "Final" = TRUE WHERE excluded."Final" """);
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }

        if (cursorBlock is { } block)
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "ChainCursors" ("Name", "LastBlock") VALUES ({0}, {1})
                ON CONFLICT ("Name") DO UPDATE SET "LastBlock" = excluded."LastBlock" WHERE "ChainCursors"."LastBlock" < excluded."LastBlock"
                """,
                [ChainCursor.DepositsName, block],
                ct);
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Credits the final, uncredited deposits of these addresses whose total reaches the minimum. Returns the deposits
    /// whose ledger transfer this call made (not a replay: of racing callers, exactly one gets each deposit) and the
    /// final ones it left uncredited (below the minimum, or refused by the ledger), so callers need not read them again.
    /// </summary>
    public async Task<DepositCredits> CreditAsync(IReadOnlyCollection<string> addresses, CancellationToken ct = default)
    {
        if (addresses.Count == 0)
        {
            return DepositCredits.None;
        }

        var minimum = options.CurrentValue.MinimumMicros;
        var rows = await db.Set<Deposit>().AsNoTracking()
            .Where(d => EF.Parameter(addresses).Contains(d.Address) && d.Final && d.CreditedAt == null) // one parameter however many addresses
            .OrderBy(d => d.Id)
            .ToListAsync(ct);
        var due = rows.GroupBy(d => d.Address).Where(g => g.Sum(d => d.Amount) >= minimum).SelectMany(g => g).ToList();
        if (due.Count == 0)
        {
            return new DepositCredits([], rows);
        }

        var requests = due.Select(d => TransferRequest.Move(
            Deposit.LedgerKey(d.TxId, d.LogIndex), TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(d.UserId), new Micros(d.Amount), d.TxId)).ToList();
        var results = await ledger.TransferBatchAsync(requests, ct);

        var done = new List<long>(due.Count);
        var mine = new List<Deposit>();
        for (var i = 0; i < due.Count; i++)
        {
            if (results[i].Succeeded)
            {
                done.Add(due[i].Id);
                if (results[i].Status == TransferStatus.Completed)
                {
                    mine.Add(due[i]);
                    metrics.DepositCredited(due[i].Amount);
                    logger.LogInformation("Deposit {TxId}:{LogIndex} credited {Amount} µUSDT to user {UserId}", due[i].TxId, due[i].LogIndex, due[i].Amount, due[i].UserId);
                }
            }
            else
            {
                logger.LogError("Deposit {TxId}:{LogIndex} was not credited: {Status} {Problem}", due[i].TxId, due[i].LogIndex, results[i].Status, results[i].Problem);
            }
        }

        // One statement marks them all; the transfer id comes from the ledger row of the deposit's own key.
        var keySql = Deposit.LedgerKeySql("\"Deposits\".\"TxId\"", "\"Deposits\".\"LogIndex\"");
        var sqlite = db.Database.IsSqlite();
        var at = sqlite ? SqliteTime.ConvertToProvider(time.GetUtcNow())! : time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in done.Chunk(500))
        {
            var ids = string.Join(", ", chunk.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            // Ids are longs from our own query: nothing user-supplied reaches the SQL text.
            var sql =
                $$"""
                UPDATE "Deposits" SET "CreditedAt" = {0},
                  "TransferId" = (SELECT t."Id" FROM "LedgerTransfers" t WHERE t."IdempotencyKey" = {{keySql}})
                WHERE "Id" IN ({{ids}}) AND "CreditedAt" IS NULL
                """;
            await db.Database.ExecuteSqlRawAsync(
                sql,
                [at],
                ct);
        }

        await tx.CommitAsync(ct);
        await push.ChangedAsync(mine.Select(d => d.UserId), ct);
        var marked = done.ToHashSet();
        return new DepositCredits(mine, rows.Where(d => !marked.Contains(d.Id)).ToList());
    }

    /// <summary>Credits every address whose final uncredited deposits reach the minimum (catches up after a crash between ledger and row). Returns how many this call credited.</summary>
    public async Task<int> CreditDueAsync(CancellationToken ct = default)
    {
        var minimum = options.CurrentValue.MinimumMicros;
        var addresses = await db.Set<Deposit>().AsNoTracking()
            .Where(d => d.Final && d.CreditedAt == null)
            .GroupBy(d => d.Address)
            .Where(g => g.Sum(d => d.Amount) >= minimum)
            .Select(g => g.Key)
            .OrderBy(a => a)
            .Take(1_000)
            .ToListAsync(ct);
        return (await CreditAsync(addresses, ct)).Credited.Count;
    }
}
