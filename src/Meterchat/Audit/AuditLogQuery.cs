using Meterchat.Data;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Audit;

/// <summary>A filter over the admin audit log; paging is by id (newest first, <see cref="Before"/> = last id seen).</summary>
public sealed record AuditLogFilter(string? Actor = null, string? Action = null, string? Target = null, long? Before = null, int Limit = 50);

public sealed record AuditLogPage(IReadOnlyList<AdminAction> Rows, long? NextBefore);

/// <summary>Reads the audit log for the page and the API.</summary>
public sealed class AuditLogQuery(AppDbContext db)
{
    public const int MaxLimit = 200;

    public async Task<AuditLogPage> RunAsync(AuditLogFilter filter, CancellationToken ct)
    {
        var limit = Math.Clamp(filter.Limit, 1, MaxLimit);
        var q = db.Set<AdminAction>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            q = q.Where(a => a.ActorId == actor || a.ActorEmail == actor);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            q = q.Where(a => a.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(filter.Target))
        {
            var target = filter.Target.Trim();
            q = q.Where(a => a.Target == target || a.Target.StartsWith(target + ":"));
        }

        if (filter.Before is { } before)
        {
            q = q.Where(a => a.Id < before);
        }

        var rows = await q.OrderByDescending(a => a.Id).Take(limit + 1).ToListAsync(ct);
        return rows.Count > limit ? new AuditLogPage(rows[..limit], rows[limit - 1].Id) : new AuditLogPage(rows, null);
    }
}
