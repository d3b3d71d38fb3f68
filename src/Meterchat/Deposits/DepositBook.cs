using Meterchat.Data;
using Meterchat.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Options;

namespace Meterchat.Deposits;

/// <summary>
/// Records observed deposits (one row per (TXID, log index), whoever sees it first) and credits the final ones:
/// one ledger transfer per row, key <c>deposit:{txid}:{log}</c>, once the address's final uncredited total
/// reaches the minimum. Every step is idempotent, so claims, the watcher and other instances may race.
/// </summary>
public sealed class DepositBook(AppDbContext db, ILedger ledger, TimeProvider time, IOptions<DepositOptions> options, ILogger<DepositBook> logger)
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
        foreach (var t in transfers)
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "Deposits" ("TxId", "LogIndex", "UserId", "Address", "Amount", "BlockNumber", "Final", "ObservedAt")
                VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7})
                ON CONFLICT ("TxId", "LogIndex") DO UPDATE SET "Final" = TRUE WHERE excluded."Final"
                """,
                [t.TxId, t.LogIndex, t.UserId, t.Address, t.Amount, t.BlockNumber, final, now],
                ct);
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

    /// <summary>Credits the final, uncredited deposits of these addresses whose total reaches the minimum. Returns how many rows were credited now.</summary>
    public async Task<int> CreditAsync(IReadOnlyCollection<string> addresses, CancellationToken ct = default)
    {
        if (addresses.Count == 0)
        {
            return 0;
        }

        var minimum = options.Value.MinimumMicros;
        var rows = await db.Set<Deposit>().AsNoTracking()
            .Where(d => addresses.Contains(d.Address) && d.Final && d.CreditedAt == null)
            .OrderBy(d => d.Id)
            .ToListAsync(ct);
        var due = rows.GroupBy(d => d.Address).Where(g => g.Sum(d => d.Amount) >= minimum).SelectMany(g => g).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var requests = due.Select(d => TransferRequest.Move(
            Deposit.LedgerKey(d.TxId, d.LogIndex), TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(d.UserId), new Micros(d.Amount), d.TxId)).ToList();
        var results = await ledger.TransferBatchAsync(requests, ct);

        var now = time.GetUtcNow();
        var credited = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < due.Count; i++)
        {
            if (!results[i].Succeeded)
            {
                logger.LogError("Deposit {TxId}:{LogIndex} was not credited: {Status} {Problem}", due[i].TxId, due[i].LogIndex, results[i].Status, results[i].Problem);
                continue;
            }

            var id = due[i].Id;
            var transferId = results[i].TransferId;
            credited += await db.Set<Deposit>().Where(d => d.Id == id && d.CreditedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.CreditedAt, now).SetProperty(d => d.TransferId, transferId), ct);
            if (results[i].Status == TransferStatus.Completed)
            {
                logger.LogInformation("Deposit {TxId}:{LogIndex} credited {Amount} µUSDT to user {UserId}", due[i].TxId, due[i].LogIndex, due[i].Amount, due[i].UserId);
            }
        }

        await tx.CommitAsync(ct);
        return credited;
    }

    /// <summary>Credits every address whose final uncredited deposits reach the minimum (catches up after a crash between ledger and row).</summary>
    public async Task<int> CreditDueAsync(CancellationToken ct = default)
    {
        var minimum = options.Value.MinimumMicros;
        var addresses = await db.Set<Deposit>().AsNoTracking()
            .Where(d => d.Final && d.CreditedAt == null)
            .GroupBy(d => d.Address)
            .Where(g => g.Sum(d => d.Amount) >= minimum)
            .Select(g => g.Key)
            .Take(1_000)
            .ToListAsync(ct);
        return await CreditAsync(addresses, ct);
    }
}
