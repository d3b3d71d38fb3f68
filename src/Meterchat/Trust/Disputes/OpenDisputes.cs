using Meterchat.Data;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Trust.Disputes;

/// <summary>How many disputes wait for an admin's decision (an indexed COUNT), for the console's nav and dashboard.</summary>
public static class OpenDisputes
{
    public static Task<int> CountAsync(AppDbContext db, CancellationToken ct) => db.Set<Dispute>().CountAsync(d => d.Outcome == null, ct);
}
