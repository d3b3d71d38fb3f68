using Meterchat.Accounts;
using Meterchat.Admin.Moderation;
using Meterchat.Audit;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.Ledger;
using Meterchat.Sellers;
using Meterchat.Trust.Fraud;
using Meterchat.Withdrawals;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Admin.Users;

public sealed record UserFilter(string? Email = null, bool Banned = false, bool Flagged = false, bool Sellers = false, int Limit = 100);

public sealed record UserRow(string Id, string? Email, DateTimeOffset CreatedAt, bool EmailConfirmed, DateTimeOffset? BannedAt, bool Seller, int OpenFlags);

/// <summary>Everything an admin needs about one user on one page.</summary>
public sealed record UserDossier(
    AppUser User,
    IReadOnlyList<string> Roles,
    UserBalances Balances,
    IReadOnlyList<ChatSessionRow> Sessions,
    IReadOnlyList<Withdrawal> Withdrawals,
    IReadOnlyList<Report> ReportsAgainst,
    IReadOnlyList<Report> ReportsBy,
    IReadOnlyList<FraudFlag> Flags,
    IReadOnlyList<AdminAction> Audit);

/// <summary>The admin's user search and user page.</summary>
public sealed class UserDirectory(AppDbContext db, ILedger ledger, IChatSessions sessions, FraudFlags flags, AuditLogQuery audit)
{
    public async Task<IReadOnlyList<UserRow>> SearchAsync(UserFilter filter, CancellationToken ct)
    {
        var q = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Email))
        {
            var email = filter.Email.Trim().ToUpperInvariant();
            q = q.Where(u => u.NormalizedEmail != null && u.NormalizedEmail.Contains(email));
        }

        if (filter.Banned)
        {
            q = q.Where(u => u.BannedAt != null);
        }

        if (filter.Flagged)
        {
            q = q.Where(u => db.Set<FraudFlag>().Any(f => f.UserId == u.Id && f.ClearedAt == null));
        }

        var sellerRole = db.Roles.Where(r => r.Name == Roles.Seller).Select(r => r.Id);
        if (filter.Sellers)
        {
            q = q.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && sellerRole.Contains(ur.RoleId)));
        }

        return await q.OrderBy(u => u.Email).Take(Math.Clamp(filter.Limit, 1, 500))
            .Select(u => new UserRow(
                u.Id, u.Email, u.CreatedAt, u.EmailConfirmed, u.BannedAt,
                db.UserRoles.Any(ur => ur.UserId == u.Id && sellerRole.Contains(ur.RoleId)),
                db.Set<FraudFlag>().Count(f => f.UserId == u.Id && f.ClearedAt == null)))
            .ToListAsync(ct);
    }

    public async Task<UserDossier?> FindAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return null;
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);
        var withdrawals = await db.Set<Withdrawal>().AsNoTracking().Where(w => w.UserId == userId).OrderByDescending(w => w.Id).Take(20).ToListAsync(ct);
        var against = await db.Set<Report>().AsNoTracking().Where(r => r.SubjectId == userId).OrderByDescending(r => r.Id).Take(50).ToListAsync(ct);
        var by = await db.Set<Report>().AsNoTracking().Where(r => r.ReporterId == userId).OrderByDescending(r => r.Id).Take(50).ToListAsync(ct);
        return new UserDossier(
            user,
            roles,
            await ledger.GetBalancesAsync(userId, ct),
            await sessions.ListForUserAsync(userId, 20, ct),
            withdrawals,
            against,
            by,
            await flags.ForUserAsync(userId, ct),
            (await audit.RunAsync(new AuditLogFilter(Target: Bans.Target(userId), Limit: 100), ct)).Rows);
    }
}
