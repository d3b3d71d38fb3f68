using Meterchat.Data;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Sellers;

/// <summary>How many reports wait for an admin (an indexed COUNT), for the console's nav and dashboard.</summary>
public static class OpenReports
{
    public static Task<int> CountAsync(AppDbContext db, CancellationToken ct) => db.Set<Report>().CountAsync(r => r.Status == ReportStatus.Open, ct);
}
