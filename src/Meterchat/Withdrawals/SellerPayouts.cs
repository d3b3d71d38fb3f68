using Meterchat.Data;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Withdrawals;

/// <summary>A seller's own withdrawals and payout address book, for the Earnings page and the API.</summary>
public static class SellerPayouts
{
    /// <summary>The newest <paramref name="take"/> withdrawals, newest first.</summary>
    public static Task<List<Withdrawal>> HistoryAsync(AppDbContext db, string userId, int take, CancellationToken ct) =>
        db.Set<Withdrawal>().AsNoTracking().Where(w => w.UserId == userId).OrderByDescending(w => w.Id).Take(take).ToListAsync(ct);

    /// <summary>The saved payout addresses, oldest first.</summary>
    public static Task<List<PayoutAddress>> AddressBookAsync(AppDbContext db, string userId, CancellationToken ct) =>
        db.Set<PayoutAddress>().AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.Id).ToListAsync(ct);
}
