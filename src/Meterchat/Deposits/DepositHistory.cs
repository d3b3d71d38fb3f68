using Meterchat.Data;
using Meterchat.Deposits.Ethereum;
using Meterchat.Ethereum;
using Meterchat.Ledger;
using Meterchat.Tron.Node;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Deposits;

/// <summary>A buyer's deposits, newest first, with their status; plus pasted TXIDs the chain does not show yet.</summary>
public sealed class DepositHistory(AppDbContext db, ITronNode node, IOptionsMonitor<DepositOptions> options, ILogger<DepositHistory> logger)
{
    public async Task<IReadOnlyList<DepositHistoryItem>> ForUserAsync(string userId, int limit = 50, CancellationToken ct = default)
    {
        var rows = await db.Set<Deposit>().AsNoTracking().Where(d => d.UserId == userId).OrderByDescending(d => d.Id).Take(limit).ToListAsync(ct);
        var claims = await db.Set<DepositClaim>().AsNoTracking().Where(c => c.UserId == userId && c.ResolvedAt == null)
            .OrderByDescending(c => c.Id).Take(limit).ToListAsync(ct);
        long? head = null, solid = null;
        if (rows.Any(r => !r.Final))
        {
            try
            {
                head = (await node.GetNowBlockAsync(NodeView.Head, ct)).Number;
                solid = (await node.GetNowBlockAsync(NodeView.Solidified, ct)).Number;
            }
            catch (TronNodeException e)
            {
                logger.LogWarning(e, "Node unreachable while showing deposit history");
            }
        }

        var items = new List<DepositHistoryItem>();
        foreach (var claim in claims.Where(c => rows.All(r => r.TxId != c.TxId)))
        {
            items.Add(new DepositHistoryItem(claim.TxId, null, null, "pending", "Pending: not on chain yet", MoneyJson.Of(Micros.Zero), claim.CreatedAt));
        }

        foreach (var row in rows)
        {
            var amount = new Micros(row.Amount);
            var (status, label) = row switch
            {
                { CreditedAt: not null } => ("credited", "Credited"),
                { Final: true } => ("below-minimum", $"Below the {new Micros(options.CurrentValue.MinimumMicros).ToUsdtString()} USDT minimum: waiting for more"),
                _ when head is { } h && solid is { } s => ("confirming", $"Confirming {Math.Clamp(h - row.BlockNumber, 0, Required(h, s) - 1)} of {Required(h, s)}"),
                _ => ("confirming", "Confirming"),
            };
            items.Add(new DepositHistoryItem(row.TxId, row.LogIndex, MoneyJson.Of(amount), status, label,
                MoneyJson.Of(row.CreditedAt is null ? Micros.Zero : amount), row.ObservedAt));
        }

        await AddEthereumAsync(userId, limit, items, ct);
        return items;
    }

    /// <summary>Ethereum deposits (asset, units, and for ETH the price it was credited at), merged newest first.</summary>
    private async Task AddEthereumAsync(string userId, int limit, List<DepositHistoryItem> items, CancellationToken ct)
    {
        var rows = await db.Set<EthereumDeposit>().AsNoTracking().Where(d => d.UserId == userId).OrderByDescending(d => d.Id).Take(limit).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return;
        }

        foreach (var row in rows)
        {
            var (status, label) = row switch
            {
                { CreditedAt: not null } => ("credited", "Credited"),
                { Final: true, Asset: Erc20TransferMatch.EtherSymbol, MicrosPerEther: null } => ("below-minimum", "Waiting for more, or for an ETH price"),
                { Final: true } => ("below-minimum", "Below the minimum: waiting for more"),
                _ => ("confirming", "Confirming"),
            };
            var price = row.MicrosPerEther is { } p ? $" at {new Micros(p).ToUsdtString()} USDT/ETH" : "";
            items.Add(new DepositHistoryItem(row.TxHash, row.LogIndex, row.Amount is { } a ? MoneyJson.Of(new Micros(a)) : null, status, label,
                MoneyJson.Of(new Micros(row.CreditedAt is null ? 0 : row.Amount ?? 0)), row.ObservedAt)
            {
                Network = "ethereum",
                Asset = row.Asset,
                Units = row.Units,
                MicrosPerEther = row.MicrosPerEther,
                PricedAt = row.PricedAt,
                Shown = $"{AssetUnits.Text(row.Units, row.Asset)} {row.Asset}{price}",
            });
        }

        var merged = items.OrderByDescending(i => i.At).Take(limit).ToList();
        items.Clear();
        items.AddRange(merged);
    }

    private long Required(long head, long solid) => Math.Max(options.CurrentValue.ConfirmationsRequired, head - solid);
}

/// <summary>One line of the top-up history. <see cref="Credited"/> is what reached the wallet (tokens).</summary>
public sealed record DepositHistoryItem(string TxId, int? LogIndex, MoneyJson? Amount, string Status, string Label, MoneyJson Credited, DateTimeOffset At)
{
    /// <summary>"tron" or "ethereum".</summary>
    public string Network { get; init; } = "tron";

    /// <summary>"USDT" on TRON; "USDT", "USDC" or "ETH" on Ethereum.</summary>
    public string Asset { get; init; } = "USDT";

    /// <summary>Ethereum: the amount in the asset's base unit (wei or 6-decimal units) as decimal text.</summary>
    public string? Units { get; init; }

    /// <summary>ETH: the price the credit used (µUSDT per ETH) and when it was taken.</summary>
    public long? MicrosPerEther { get; init; }

    public DateTimeOffset? PricedAt { get; init; }

    /// <summary>The amount as shown in the history (e.g. "0.3 ETH at 3,000 USDT/ETH"); null: the USDT amount.</summary>
    public string? Shown { get; init; }
}
