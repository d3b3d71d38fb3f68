using System.Text.Json;
using Meterchat.Data;

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
}
