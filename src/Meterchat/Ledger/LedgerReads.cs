using Meterchat.Data;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Ledger;

/// <summary>
/// Small reads of the ledger's tables for other features (a chat's history, a dispute's refunds), so that only Ledger
/// queries <see cref="LedgerTransfer"/>, <see cref="LedgerLeg"/> and <see cref="LedgerAccount"/>.
/// </summary>
public static class LedgerReads
{
    /// <summary>Which of <paramref name="references"/> have a transfer of this kind.</summary>
    public static async Task<HashSet<string>> ReferencesWithAsync(AppDbContext db, TransferKind kind, IReadOnlyCollection<string> references, CancellationToken ct) =>
        (await db.Set<LedgerTransfer>().AsNoTracking()
            .Where(t => t.Kind == kind && t.Reference != null && references.Contains(t.Reference))
            .Select(t => t.Reference!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>What the transfers with these idempotency keys booked to one account, summed (zero when none exist).</summary>
    public static async Task<Micros> BookedToAsync(AppDbContext db, AccountRef account, string key, string otherKey, CancellationToken ct)
    {
        var code = account.Code;
        var amounts = await (
            from t in db.Set<LedgerTransfer>()
            join l in db.Set<LedgerLeg>() on t.Id equals l.TransferId
            join a in db.Set<LedgerAccount>() on l.AccountId equals a.Id
            where (t.IdempotencyKey == key || t.IdempotencyKey == otherKey) && a.Code == code
            select l.Amount).ToListAsync(ct);
        return new Micros(amounts.Sum());
    }

    /// <summary>The id of an account by code, or null when it was never used.</summary>
    public static Task<long?> AccountIdAsync(AppDbContext db, string code, CancellationToken ct) =>
        db.Set<LedgerAccount>().AsNoTracking().Where(a => a.Code == code).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);

    /// <summary>The balances of these accounts by code (an account that was never used is absent: zero).</summary>
    public static Task<Dictionary<string, long>> BalancesAsync(AppDbContext db, IReadOnlyCollection<string> codes, CancellationToken ct) =>
        db.Set<LedgerAccount>().AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Balance, ct);

    /// <summary>Which of these idempotency keys have a transfer (landed, whatever its log says).</summary>
    public static async Task<List<string>> ExistingKeysAsync(AppDbContext db, IReadOnlyCollection<string> keys, CancellationToken ct) =>
        await db.Set<LedgerTransfer>().AsNoTracking().Where(t => keys.Contains(t.IdempotencyKey)).Select(t => t.IdempotencyKey).ToListAsync(ct);
}
