using Meterchat.Data;
using Meterchat.Sellers;
using Meterchat.Trust.Disputes;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Admin.Moderation;

/// <summary>Counts the open disputes and reports for the console's nav and dashboard (two indexed COUNTs).</summary>
public sealed class OpenCaseCount(AppDbContext db)
{
    public async Task<OpenCases> CountAsync(CancellationToken ct = default) => new(
        await db.Set<Dispute>().CountAsync(d => d.Outcome == null, ct),
        await db.Set<Report>().CountAsync(r => r.Status == ReportStatus.Open, ct));
}
