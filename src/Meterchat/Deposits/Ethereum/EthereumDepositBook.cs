using System.Globalization;
using System.Numerics;
using Meterchat.Data;
using Meterchat.Ethereum;
using Meterchat.Ethereum.Prices;
using Meterchat.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Options;

namespace Meterchat.Deposits.Ethereum;

/// <summary>
/// Records Ethereum credits (one row per (tx hash, log index), ETH at log index -1, whoever sees it first) and credits
/// the final ones: one ledger transfer per row (key <see cref="EthereumDeposit.LedgerKey"/>, chain:deposits → the
/// user's wallet) once the address's final uncredited total of that asset reaches its minimum, as TRON's
/// <see cref="DepositBook"/> does. An ETH row is priced once (the first caller's quote is stored on the row and every
/// racing caller converts at it), so racing claims and the watcher all ask the ledger for the same transfer.
/// </summary>
public sealed class EthereumDepositBook(
    AppDbContext db,
    ILedger ledger,
    IPriceSource prices,
    IOptionsMonitor<EthereumOptions> options,
    TimeProvider time,
    BalancePush push,
    ILogger<EthereumDepositBook> logger)
{
    /// <summary>The watcher's cursor in ChainCursors.</summary>
    public const string CursorName = "ethereum-deposits";

    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();

    /// <summary>
    /// Inserts the credits not yet known (a known one only becomes final, with the block it is final in) and, in the
    /// same database transaction, moves the watcher's cursor to <paramref name="cursorBlock"/>.
    /// </summary>
    public async Task RecordAsync(IReadOnlyList<ObservedEthereumCredit> credits, bool final, long? cursorBlock = null, CancellationToken ct = default)
    {
        if (credits.Count == 0 && cursorBlock is null)
        {
            return;
        }

        var now = db.Database.IsSqlite() ? SqliteTime.ConvertToProvider(time.GetUtcNow())! : time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in credits.DistinctBy(c => (c.Credit.Key.TransactionHash, c.LogIndex)).Chunk(100))
        {
            var sql = new System.Text.StringBuilder(
                """INSERT INTO "EthereumDeposits" ("TxHash", "LogIndex", "UserId", "Address", "Asset", "Contract", "Units", "BlockNumber", "Final", "ObservedAt") VALUES """);
            var parameters = new List<object>(chunk.Length * 10);
            foreach (var c in chunk)
            {
                var p = parameters.Count;
                sql.Append(p == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture,
                    $"({{{p}}}, {{{p + 1}}}, {{{p + 2}}}, {{{p + 3}}}, {{{p + 4}}}, NULLIF({{{p + 5}}}, ''), {{{p + 6}}}, {{{p + 7}}}, {{{p + 8}}}, {{{p + 9}}})");
                parameters.AddRange([c.Credit.Key.TransactionHash.ToLowerInvariant(), c.LogIndex, c.UserId, c.Credit.To.Lower, c.Credit.Asset,
                    c.Credit.Contract?.Lower ?? "", c.Credit.Amount.ToString(CultureInfo.InvariantCulture), c.BlockNumber, final, now]);
            }

            sql.Append(""" ON CONFLICT ("TxHash", "LogIndex") DO UPDATE SET "Final" = TRUE, "BlockNumber" = excluded."BlockNumber" WHERE excluded."Final" AND NOT "EthereumDeposits"."Final" """);
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }

        if (cursorBlock is { } block)
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "ChainCursors" ("Name", "LastBlock") VALUES ({0}, {1})
                ON CONFLICT ("Name") DO UPDATE SET "LastBlock" = excluded."LastBlock" WHERE "ChainCursors"."LastBlock" < excluded."LastBlock"
                """,
                [CursorName, block],
                ct);
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Credits the final, uncredited deposits of these addresses whose total per asset reaches the minimum. ETH rows
    /// are priced first; with no price (<see cref="PriceUnavailableException"/>) they stay uncredited for a later pass.
    /// </summary>
    public async Task<EthereumDepositCredits> CreditAsync(IReadOnlyCollection<string> addresses, CancellationToken ct = default)
    {
        if (addresses.Count == 0)
        {
            return EthereumDepositCredits.None;
        }

        var lower = addresses.Select(a => a.ToLowerInvariant()).Distinct().ToList();
        var rows = await Uncredited(lower).ToListAsync(ct);
        var due = Due(rows);
        if (due.Any(d => d.Asset == Erc20TransferMatch.EtherSymbol && d.MicrosPerEther is null))
        {
            due = await PriceAsync(due, ct);
            rows = await Uncredited(lower).ToListAsync(ct);
        }

        if (due.Count == 0)
        {
            return new EthereumDepositCredits([], rows);
        }

        var amounts = due.Select(AmountOf).ToList();
        var moving = Enumerable.Range(0, due.Count).Where(i => amounts[i] > 0).ToList();
        var requests = moving.Select(i => TransferRequest.Move(EthereumDeposit.LedgerKey(due[i].TxHash, due[i].LogIndex), TransferKind.Deposit,
            AccountRef.ChainDeposits, AccountRef.Wallet(due[i].UserId), new Micros(amounts[i]), due[i].TxHash)).ToList();
        var results = requests.Count == 0 ? [] : await ledger.TransferBatchAsync(requests, ct);
        var resultOf = moving.Select((i, n) => (i, n)).ToDictionary(p => p.i, p => results[p.n]);

        var now = time.GetUtcNow();
        var mine = new List<EthereumDeposit>();
        var marked = new HashSet<long>();
        // Every row is marked in one database transaction: one commit (one fsync) per batch, not one per deposit,
        // which was the watcher's limit (about 45 credits in a block of 200 transfers).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < due.Count; i++)
        {
            var row = due[i];
            long? transferId = null;
            if (resultOf.TryGetValue(i, out var result))
            {
                if (!result.Succeeded)
                {
                    logger.LogError("Ethereum deposit {TxHash}:{LogIndex} was not credited: {Status} {Problem}", row.TxHash, row.LogIndex, result.Status, result.Problem);
                    continue;
                }

                transferId = result.TransferId;
            }

            // Less than a micro-USDT of ETH (the rest of an accumulated total): nothing to move, marked all the same.
            var amount = amounts[i];
            var updated = await db.Set<EthereumDeposit>().Where(d => d.Id == row.Id && d.CreditedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.CreditedAt, now).SetProperty(d => d.Amount, amount).SetProperty(d => d.TransferId, transferId), ct);
            marked.Add(row.Id);
            if (result?.Status == TransferStatus.Completed || (result is null && updated > 0))
            {
                row.Amount = amount;
                row.CreditedAt = now;
                row.TransferId = transferId;
                mine.Add(row);
                logger.LogInformation("Ethereum deposit {TxHash}:{LogIndex} credited {Amount} µUSDT ({Units} {Asset}) to user {UserId}",
                    row.TxHash, row.LogIndex, amount, row.Units, row.Asset, row.UserId);
            }
        }

        await tx.CommitAsync(ct);
        await push.ChangedAsync(mine.Select(d => d.UserId).Distinct(), ct);
        return new EthereumDepositCredits(mine, rows.Where(d => !marked.Contains(d.Id)).ToList());
    }

    /// <summary>Credits every address whose final uncredited deposits reach the minimum (catches up after a crash or a missing price).</summary>
    public async Task<int> CreditDueAsync(CancellationToken ct = default)
    {
        var addresses = await db.Set<EthereumDeposit>().AsNoTracking().Where(d => d.Final && d.CreditedAt == null)
            .Select(d => d.Address).Distinct().OrderBy(a => a).Take(1_000).ToListAsync(ct);
        return (await CreditAsync(addresses, ct)).Credited.Count;
    }

    /// <summary>The minimum of an asset in its base unit.</summary>
    public BigInteger MinimumOf(string asset) =>
        asset == Erc20TransferMatch.EtherSymbol ? options.CurrentValue.MinimumWei : options.CurrentValue.MinimumTokenUnits;

    private IQueryable<EthereumDeposit> Uncredited(List<string> addresses) =>
        db.Set<EthereumDeposit>().AsNoTracking()
            .Where(d => EF.Parameter(addresses).Contains(d.Address) && d.Final && d.CreditedAt == null)
            .OrderBy(d => d.Id);

    /// <summary>Rows of each (address, asset) whose uncredited final total reaches the asset's minimum.</summary>
    private List<EthereumDeposit> Due(List<EthereumDeposit> rows) =>
        rows.GroupBy(d => (d.Address, d.Asset))
            .Where(g => g.Aggregate(BigInteger.Zero, (sum, d) => sum + BigInteger.Parse(d.Units, CultureInfo.InvariantCulture)) >= MinimumOf(g.Key.Asset))
            .SelectMany(g => g)
            .OrderBy(d => d.Id)
            .ToList();

    /// <summary>
    /// Stores the current quote on the due ETH rows that have none (the first caller's quote wins) and returns the due
    /// rows as stored. Without a price, the ETH rows are left out: they stay final and uncredited, and are retried.
    /// </summary>
    private async Task<List<EthereumDeposit>> PriceAsync(List<EthereumDeposit> due, CancellationToken ct)
    {
        var unpriced = due.Where(d => d.Asset == Erc20TransferMatch.EtherSymbol && d.MicrosPerEther is null).Select(d => d.Id).ToList();
        try
        {
            var price = await prices.EtherPriceAsync(ct);
            await db.Set<EthereumDeposit>().Where(d => unpriced.Contains(d.Id) && d.MicrosPerEther == null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.MicrosPerEther, price.MicrosPerEther).SetProperty(d => d.PricedAt, price.At)
                    .SetProperty(d => d.PriceSource, price.Source), ct);
        }
        catch (PriceUnavailableException e)
        {
            logger.LogWarning("{Count} ETH deposits wait for a price: {Reason}", unpriced.Count, e.Message);
        }

        var ids = due.Select(d => d.Id).ToList();
        return await db.Set<EthereumDeposit>().AsNoTracking()
            .Where(d => ids.Contains(d.Id) && d.CreditedAt == null && (d.Asset != Erc20TransferMatch.EtherSymbol || d.MicrosPerEther != null))
            .OrderBy(d => d.Id).ToListAsync(ct);
    }

    /// <summary>µUSDT of a row: stablecoins 1:1, ETH at the price stored on it (rounded down).</summary>
    private static long AmountOf(EthereumDeposit row)
    {
        var units = BigInteger.Parse(row.Units, CultureInfo.InvariantCulture);
        return row.Asset == Erc20TransferMatch.EtherSymbol
            ? new EtherPrice(row.MicrosPerEther!.Value, row.PricedAt ?? default, row.PriceSource ?? "").MicrosFor(units).Value
            : checked((long)units);
    }
}
