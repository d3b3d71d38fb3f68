using Meterchat.Accounts;
using Meterchat.Audit;
using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.Sellers;
using Meterchat.Web;
using Meterchat.Withdrawals;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Admin.Users;

/// <summary>
/// Ban and unban (PRODUCT.md §2, §7). A ban, in one database transaction with its audit row: sets
/// <see cref="AppUser.BannedAt"/>, renews the security stamp, and sends the user's unsent withdrawals back to
/// review; then ends every running session of the user (<see cref="PartyBanned"/> through <see cref="LiveSessions"/>) and
/// takes a seller offline. Sign-in, cookies and bearer tokens are refused from the next request on
/// (<see cref="BannedUserCheck"/>).
/// </summary>
public sealed class Bans(
    AppDbContext db,
    UserManager<AppUser> users,
    AdminAuditLog audit,
    WithdrawalReview withdrawals,
    LiveSessions live,
    SellerPresence presence,
    TimeProvider time,
    BannedHubGuard hubs,
    IOutputCacheStore browseCache,
    ILogger<Bans> log)
{
    public async Task<Problem?> BanAsync(AdminActor actor, string userId, string? reason, CancellationToken ct)
    {
        if (ModerationProblems.CheckReason(reason) is { } bad)
        {
            return bad;
        }

        if (userId == actor.Id)
        {
            return new Problem(409, ModerationProblems.SelfBan, "Cannot ban yourself", "An admin cannot ban their own account.");
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Unknown();
        }

        if (user.BannedAt is not null)
        {
            return new Problem(409, ModerationProblems.AlreadyBanned, "Already banned", $"{user.Email} is banned since {user.BannedAt:u}.");
        }

        var now = time.GetUtcNow();
        user.BannedAt = now;
        var frozen = await withdrawals.FreezeAsync(userId, "account banned", ct);
        audit.Add(actor, "user.ban", Target(userId), reason!, new { user.Email, FrozenWithdrawals = frozen });
        var saved = await users.UpdateSecurityStampAsync(user); // saves the user, the withdrawals and the audit row together
        if (LostRace(saved))
        {
            return new Problem(409, ModerationProblems.AlreadyBanned, "Already banned", "This account was banned at the same moment by another decision.");
        }

        if (!saved.Succeeded)
        {
            throw new InvalidOperationException($"Ban of {userId} not saved: {string.Join("; ", saved.Errors.Select(e => e.Description))}");
        }

        var ended = await EndSessionsAsync(userId, ct);
        await presence.SetWantsOnlineAsync(userId, false, ct);
        await BrowseCache.EvictAsync(browseCache, ct);
        var closed = hubs.CloseFor(userId);
        log.LogWarning("User {UserId} banned by {AdminId}; {Sessions} sessions ended, {Connections} hub connections closed, {Withdrawals} withdrawals frozen",
            userId, actor.Id, ended, closed, frozen.Count);
        return null;
    }

    public async Task<Problem?> UnbanAsync(AdminActor actor, string userId, string? reason, CancellationToken ct)
    {
        if (ModerationProblems.CheckReason(reason) is { } bad)
        {
            return bad;
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Unknown();
        }

        if (user.BannedAt is null)
        {
            return new Problem(409, ModerationProblems.NotBanned, "Not banned", $"{user.Email} is not banned.");
        }

        audit.Add(actor, "user.unban", Target(userId), reason!, new { user.Email, BannedAt = user.BannedAt });
        user.BannedAt = null;
        var saved = await users.UpdateSecurityStampAsync(user);
        if (LostRace(saved))
        {
            return new Problem(409, ModerationProblems.NotBanned, "Not banned", "This account was unbanned at the same moment by another decision.");
        }

        if (!saved.Succeeded)
        {
            throw new InvalidOperationException($"Unban of {userId} not saved: {string.Join("; ", saved.Errors.Select(e => e.Description))}");
        }

        await BrowseCache.EvictAsync(browseCache, ct);
        return null;
    }

    /// <summary>
    /// Another decision saved the user since it was read (a double-click, a second admin): the concurrency stamp
    /// refused this one, nothing of it was saved (the user, the withdrawals and the audit row go together).
    /// </summary>
    private bool LostRace(IdentityResult saved)
    {
        if (saved.Succeeded || !saved.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            return false;
        }

        db.ChangeTracker.Clear();
        return true;
    }

    public static string Target(string userId) => $"user:{userId}";

    private async Task<int> EndSessionsAsync(string userId, CancellationToken ct)
    {
        var open = await SessionQueries.Open(db).AsNoTracking()
            .Where(s => s.BuyerId == userId || s.SellerId == userId)
            .Select(s => new { s.Id, s.BuyerId }).ToListAsync(ct);
        foreach (var s in open)
        {
            var banned = new PartyBanned(time.GetUtcNow(), s.BuyerId == userId ? Party.Buyer : Party.Seller);
            // The live copy, pushes and receipt stay in step; a session not driven here (a pending request) is recorded in the store.
            if (await live.ApplyAsync(s.Id, banned, ct) is null)
            {
                await live.RecordAsync(s.Id, banned, ct);
            }
        }

        return open.Count;
    }

    private static Problem Unknown() =>
        new(404, ModerationProblems.UnknownUser, "No such user", "There is no user with that id.");
}
