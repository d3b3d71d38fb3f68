using Meterchat.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Meterchat.Data;

/// <summary>
/// The last gate before the database, the same on SQLite and PostgreSQL: a text longer than its column's
/// maximum length or holding a NUL byte is refused (<see cref="InputRejectedException"/>, a 400 problem) before
/// anything is written. SQLite would store it whole; PostgreSQL would fail the statement with a 500.
/// </summary>
public sealed class StoredTextCheck : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? db)
    {
        if (db is null)
        {
            return;
        }

        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is not string text || (entry.State == EntityState.Modified && !property.IsModified))
                {
                    continue;
                }

                var max = property.Metadata.GetMaxLength();
                if (max is { } m && text.Length > m)
                {
                    throw new InputRejectedException($"The {Name(property.Metadata.Name)} is too long: at most {m} characters.");
                }

                if (text.Contains('\0', StringComparison.Ordinal))
                {
                    throw new InputRejectedException($"The {Name(property.Metadata.Name)} contains a NUL byte.");
                }
            }
        }
    }

    private static string Name(string property) => property.ToLowerInvariant();
}
