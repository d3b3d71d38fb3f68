using Meterchat.Data;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Ledger;

/// <summary>The tips given in one chat, summed from the ledger: what the buyer paid and what reached the seller.</summary>
public sealed record SessionTips(int Count, Micros Paid, Micros ToSeller)
{
    public static readonly SessionTips None = new(0, Micros.Zero, Micros.Zero);

    public static async Task<SessionTips> ForAsync(AppDbContext db, Guid sessionId, string sellerId, CancellationToken ct)
    {
        var reference = sessionId.ToString();
        var sellerCode = AccountRef.Earnings(sellerId).Code;
        var legs = await (
            from t in db.Set<LedgerTransfer>().AsNoTracking()
            where t.Reference == reference && t.Kind == TransferKind.Tip
            join l in db.Set<LedgerLeg>().AsNoTracking() on t.Id equals l.TransferId
            join a in db.Set<LedgerAccount>().AsNoTracking() on l.AccountId equals a.Id
            select new { t.Id, l.Amount, a.Code }).ToListAsync(ct);
        if (legs.Count == 0)
        {
            return None;
        }

        var paid = legs.Where(l => l.Amount < 0).Aggregate(Micros.Zero, (sum, l) => sum - new Micros(l.Amount));
        var toSeller = legs.Where(l => l.Code == sellerCode).Aggregate(Micros.Zero, (sum, l) => sum + new Micros(l.Amount));
        return new SessionTips(legs.Select(l => l.Id).Distinct().Count(), paid, toSeller);
    }
}
