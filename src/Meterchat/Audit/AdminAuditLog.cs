using System.Text.Json;
using Meterchat.Data;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Audit;

/// <summary>
/// Records admin actions. <see cref="Add"/> only stages the row on the caller's context, so it commits (or not)
/// with the action itself; <see cref="RecordAsync"/> is for actions that have no other database write.
/// </summary>
public sealed class AdminAuditLog(AppDbContext db, TimeProvider time)
{
    public const int MaxReason = 1000;

    public AdminAction Add(AdminActor actor, string action, string target, string reason, object? details = null)
    {
        var row = new AdminAction
        {
            At = time.GetUtcNow(),
            ActorId = actor.Id,
            ActorEmail = actor.Email,
            Action = action,
            Target = target,
            Reason = reason.Trim(),
            Details = details is null ? null : JsonSerializer.Serialize(details, JsonSerializerOptions.Web),
        };
        db.Set<AdminAction>().Add(row);
        return row;
    }

    public async Task<AdminAction> RecordAsync(AdminActor actor, string action, string target, string reason, object? details = null, CancellationToken ct = default)
    {
        var row = Add(actor, action, target, reason, details);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>The details of the latest <paramref name="action"/> on <paramref name="target"/> since a time, or null.</summary>
    public Task<string?> LastDetailsAsync(string action, string target, DateTimeOffset since, CancellationToken ct) =>
        db.Set<AdminAction>().AsNoTracking()
            .Where(a => a.Action == action && a.Target == target && a.At >= since)
            .OrderByDescending(a => a.Id).Select(a => a.Details).FirstOrDefaultAsync(ct);
}
