using Meterchat.Data;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Ledger;

/// <summary>
/// Every user's liability, for the proof of reserves: the user accounts the auditor sums as liabilities, grouped by
/// user. One statement, so the list is one moment of the ledger on both providers, never a mix of two.
/// </summary>
public sealed class UserLiabilities(AppDbContext db)
{
    public async Task<IReadOnlyList<UserLiability>> ReadAsync(CancellationToken ct)
    {
        var rows = await db.Set<LedgerAccount>().AsNoTracking()
            .Where(a => a.Kind != AccountKind.System && a.UserId != null)
            .GroupBy(a => a.UserId!)
            .Select(g => new
            {
                UserId = g.Key,
                Wallet = g.Sum(a => a.Kind == AccountKind.Wallet ? a.Balance : 0),
                Earnings = g.Sum(a => a.Kind == AccountKind.Earnings ? a.Balance : 0),
                Held = g.Sum(a => a.Kind == AccountKind.Held ? a.Balance : 0),
            })
            .OrderBy(r => r.UserId)
            .ToListAsync(ct);
        return [.. rows.Select(r => new UserLiability(r.UserId, new Micros(r.Wallet), new Micros(r.Earnings), new Micros(r.Held)))];
    }
}
