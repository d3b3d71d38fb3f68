using Meterchat.Accounts;
using Meterchat.Data;
using Meterchat.Web;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Sellers;

/// <summary>Anyone reports anyone; the admin queue lists the reports, newest first.</summary>
public sealed class Reports(AppDbContext db, TimeProvider time)
{
    public async Task<Outcome<long>> FileAsync(string reporterId, string subjectId, string? reason, CancellationToken ct = default)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length is 0 or > SellersOptions.MaxReason)
        {
            return new Problem(400, "report/invalid-reason", "Invalid report", $"Give a reason of 1 to {SellersOptions.MaxReason} characters.");
        }

        if (reporterId == subjectId || !await db.Set<AppUser>().AnyAsync(u => u.Id == subjectId, ct))
        {
            return new Problem(404, "report/unknown-subject", "Unknown person", "There is no one else with that id to report.");
        }

        var report = new Report { ReporterId = reporterId, SubjectId = subjectId, Reason = text, At = time.GetUtcNow() };
        db.Add(report);
        await db.SaveChangesAsync(ct);
        return report.Id;
    }

    public async Task<IReadOnlyList<ReportItem>> ListAsync(int limit = 200, CancellationToken ct = default) =>
        await db.Set<Report>().AsNoTracking().OrderByDescending(r => r.Id).Take(limit)
            .Select(r => new ReportItem(r.Id, r.ReporterId, r.SubjectId, r.Reason, r.At)).ToListAsync(ct);
}
