using Meterchat.Admin;
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

        flag.ClearedAt = time.GetUtcNow();
        flag.ClearedBy = actor.Id;
        flag.ClearReason = reason.Trim();
        audit.Add(actor, "fraud.clear", $"user:{flag.UserId}", reason, new { FlagId = flag.Id, flag.Rule, flag.Key });
        await db.SaveChangesAsync(ct);
        return flag;
    }
}
