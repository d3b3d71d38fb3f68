using Meterchat.Audit;
using Meterchat.Data;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Trust.Fraud;

/// <summary>The flags of a user, for the admin user page, and clearing one (audited).</summary>
public sealed class FraudFlags(AppDbContext db, AdminAuditLog audit, TimeProvider time)
{
    public Task<List<FraudFlag>> ForUserAsync(string userId, CancellationToken ct) =>
        db.Set<FraudFlag>().AsNoTracking().Where(f => f.UserId == userId).OrderByDescending(f => f.Id).ToListAsync(ct);

    /// <summary>Clears an open flag with the admin's reason; false when there is no open flag with that id.</summary>
    public async Task<FraudFlag?> ClearAsync(AdminActor actor, long flagId, string reason, CancellationToken ct)
    {
        var flag = await db.Set<FraudFlag>().SingleOrDefaultAsync(f => f.Id == flagId && f.ClearedAt == null, ct);
        if (flag is null)
        {
            return null;
        }

        // Cleared only if still open, in one transaction with the audit row: a second clear at once (a double-click,
        // two admins) finds no open flag and changes nothing.
        var at = time.GetUtcNow();
        var by = actor.Id;
        var why = reason.Trim();
        db.Entry(flag).State = EntityState.Detached;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cleared = await db.Set<FraudFlag>().Where(f => f.Id == flagId && f.ClearedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(f => f.ClearedAt, at)
            .SetProperty(f => f.ClearedBy, by)
            .SetProperty(f => f.ClearReason, why), ct);
        if (cleared == 0)
        {
            return null;
        }

        audit.Add(actor, "fraud.clear", $"user:{flag.UserId}", reason, new { FlagId = flag.Id, flag.Rule, flag.Key });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        flag.ClearedAt = at;
        flag.ClearedBy = by;
        flag.ClearReason = why;
        return flag;
    }
}
