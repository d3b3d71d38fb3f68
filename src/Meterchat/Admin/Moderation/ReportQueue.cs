using Meterchat.Admin.Users;
using Meterchat.Audit;
using Meterchat.Data;
using Meterchat.Sellers;
using Meterchat.Web;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Admin.Moderation;

/// <summary>A report in the admin queue, with how often its subject was reported lately.</summary>
public sealed record QueuedReport(
    long Id, string ReporterId, string? ReporterEmail, string SubjectId, string? SubjectEmail, string Reason, DateTimeOffset At,
    string Status, string? HandledBy, DateTimeOffset? HandledAt, string? Note, int SubjectRecentReports, bool SubjectBanned);

/// <summary>The reports queue: open first; dismiss, or act (mark actioned with a note, optionally banning the subject). Audited.</summary>
public sealed class ReportQueue(AppDbContext db, AdminAuditLog audit, Bans bans, TimeProvider time)
{
    /// <summary>Reports against the same person within this many days count as "recent" on the queue.</summary>
    public const int RecentDays = 30;

    public async Task<IReadOnlyList<QueuedReport>> ListAsync(int limit = 200, CancellationToken ct = default)
    {
        var reports = await db.Set<Report>().AsNoTracking()
            .OrderBy(r => r.Status == ReportStatus.Open ? 0 : 1).ThenByDescending(r => r.Id).Take(limit).ToListAsync(ct);
        var people = reports.SelectMany(r => new[] { r.ReporterId, r.SubjectId }).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).Select(u => new { u.Id, u.Email, u.BannedAt }).ToDictionaryAsync(u => u.Id, ct);
        var since = time.GetUtcNow().AddDays(-RecentDays);
        var subjects = reports.Select(r => r.SubjectId).Distinct().ToList();
        var recent = (await db.Set<Report>().AsNoTracking().Where(r => subjects.Contains(r.SubjectId) && r.At >= since)
            .Select(r => r.SubjectId).ToListAsync(ct)).CountBy(s => s).ToDictionary();
        return reports.Select(r => new QueuedReport(
            r.Id, r.ReporterId, users.GetValueOrDefault(r.ReporterId)?.Email, r.SubjectId, users.GetValueOrDefault(r.SubjectId)?.Email, r.Reason, r.At,
            r.Status.ToString(), r.HandledBy, r.HandledAt, r.Note, recent.GetValueOrDefault(r.SubjectId),
            users.GetValueOrDefault(r.SubjectId)?.BannedAt is not null)).ToList();
    }

    public async Task<Problem?> DismissAsync(AdminActor actor, long reportId, string? note, CancellationToken ct)
    {
        if (ModerationProblems.CheckReason(note) is { } bad)
        {
            return bad;
        }

        var (report, problem) = await OpenReportAsync(reportId, ct);
        if (problem is not null)
        {
            return problem;
        }

        audit.Add(actor, "report.dismiss", Bans.Target(report!.SubjectId), note!, new { ReportId = report.Id });
        return await HandleAsync(report, actor, ReportStatus.Dismissed, note!, ct);
    }

    /// <summary>Marks the report actioned with the note; with <paramref name="ban"/> the subject is banned first (same reason).</summary>
    public async Task<Problem?> ActAsync(AdminActor actor, long reportId, string? note, bool ban, CancellationToken ct)
    {
        if (ModerationProblems.CheckReason(note) is { } bad)
        {
            return bad;
        }

        var (report, problem) = await OpenReportAsync(reportId, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (ban && await bans.BanAsync(actor, report!.SubjectId, $"Report {report.Id}: {note}", ct) is { } refused && refused.Type != ModerationProblems.AlreadyBanned)
        {
            return refused;
        }

        audit.Add(actor, "report.act", Bans.Target(report!.SubjectId), note!, new { ReportId = report.Id, Banned = ban });
        return await HandleAsync(report, actor, ReportStatus.Actioned, note!, ct);
    }

    private async Task<(Report?, Problem?)> OpenReportAsync(long id, CancellationToken ct)
    {
        var report = await db.Set<Report>().SingleOrDefaultAsync(r => r.Id == id, ct);
        return report is null ? (null, new Problem(404, ModerationProblems.UnknownReport, "No such report", "There is no report with that id."))
            : report.Status != ReportStatus.Open ? (null, new Problem(409, ModerationProblems.ReportHandled, "Already handled", $"This report was already {report.Status.ToString().ToLowerInvariant()}."))
            : (report, null);
    }

    /// <summary>
    /// Decides the report only if it is still open, in one transaction with its audit row: of two decisions at once
    /// (a double-click, two admins) the second finds it handled and changes nothing.
    /// </summary>
    private async Task<Problem?> HandleAsync(Report report, AdminActor actor, ReportStatus status, string note, CancellationToken ct)
    {
        var at = time.GetUtcNow();
        var by = actor.Id;
        var text = note.Trim();
        db.Entry(report).State = EntityState.Detached;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var decided = await db.Set<Report>().Where(r => r.Id == report.Id && r.Status == ReportStatus.Open).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, status)
            .SetProperty(r => r.HandledBy, by)
            .SetProperty(r => r.HandledAt, at)
            .SetProperty(r => r.Note, text), ct);
        if (decided == 0)
        {
            db.ChangeTracker.Clear();
            return new Problem(409, ModerationProblems.ReportHandled, "Already handled", "This report was already handled by another decision.");
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }
}
