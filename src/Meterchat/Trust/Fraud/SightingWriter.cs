using Meterchat.Data;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Trust.Fraud;

/// <summary>Stores a batch of sightings in one transaction (insert new, move LastSeen of known), then runs the rules once for the batch.</summary>
internal sealed class SightingWriter(AppDbContext db, FraudCheck check, ILogger<SightingWriter> log)
{
    public async Task WriteAsync(IReadOnlyList<PendingSighting> batch, CancellationToken ct)
    {
        try
        {
            await UpsertAsync(batch, ct);
        }
        catch (DbUpdateException e)
        {
            // Another node or request inserted one of these sightings meanwhile: read again, it is now an update.
            log.LogDebug(e, "A sighting of the batch was recorded concurrently; writing the batch again");
            db.ChangeTracker.Clear();
            await UpsertAsync(batch, ct);
        }

        await check.AfterSightingsAsync(batch.Select(p => p.UserId).Distinct().ToList(), batch.Select(p => p.Ip).Distinct().ToList(), ct);
    }

    private async Task UpsertAsync(IReadOnlyList<PendingSighting> batch, CancellationToken ct)
    {
        var users = batch.Select(p => p.UserId).Distinct().ToList();
        var rows = await db.Set<Sighting>().Where(s => EF.Parameter(users).Contains(s.UserId)).ToListAsync(ct); // one parameter
        var known = rows.ToDictionary(s => (s.UserId, s.Ip, s.DeviceId));
        foreach (var seen in batch)
        {
            if (known.TryGetValue((seen.UserId, seen.Ip, seen.DeviceId), out var row))
            {
                // Callers queue in any order: the batch may hold a later sighting of the same key before an earlier one.
                row.FirstSeen = seen.At < row.FirstSeen ? seen.At : row.FirstSeen;
                row.LastSeen = seen.At > row.LastSeen ? seen.At : row.LastSeen;
                continue;
            }

            row = new Sighting { UserId = seen.UserId, Ip = seen.Ip, DeviceId = seen.DeviceId, FirstSeen = seen.At, LastSeen = seen.At };
            known.Add((seen.UserId, seen.Ip, seen.DeviceId), row);
            db.Add(row);
        }

        await db.SaveChangesAsync(ct);
    }
}
