using Meterchat.Data;
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

        return items;
    }

    private long Required(long head, long solid) => Math.Max(options.CurrentValue.ConfirmationsRequired, head - solid);
}

/// <summary>One line of the top-up history. <see cref="Credited"/> is what reached the wallet (tokens).</summary>
public sealed record DepositHistoryItem(string TxId, int? LogIndex, MoneyJson? Amount, string Status, string Label, MoneyJson Credited, DateTimeOffset At);
