using Meterchat.Accounts;
using Meterchat.Audit;
using Meterchat.Data;
using Meterchat.Ledger;
using Meterchat.Web;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Withdrawals;

/// <summary>The admin's queue: approve sends it to the sender; reject returns held → earnings (<c>payout:{id}:release</c>).</summary>
public sealed class WithdrawalReview(AppDbContext db, ILedger ledger, AdminAuditLog audit, TimeProvider time)
{
    public Task<List<Withdrawal>> QueueAsync(CancellationToken ct) =>
        db.Set<Withdrawal>().AsNoTracking().Where(w => w.Status == WithdrawalStatus.InReview).OrderBy(w => w.Id).ToListAsync(ct);

    /// <summary>How many withdrawals wait for an admin (the console's badge).</summary>
    public Task<int> CountWaitingAsync(CancellationToken ct) =>
        db.Set<Withdrawal>().CountAsync(w => w.Status == WithdrawalStatus.InReview, ct);

    public async Task<(Withdrawal?, Problem?)> ApproveAsync(long id, AdminActor admin, CancellationToken ct)
    {
        var w = await db.Set<Withdrawal>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (w is null || w.Status != WithdrawalStatus.InReview)
        {
            return (null, NotInReview(w is null));
        }

        if (await db.Set<AppUser>().AnyAsync(u => u.Id == w.UserId && u.BannedAt != null, ct))
        {
            return (null, WithdrawalProblems.Of(WithdrawalProblems.Frozen, 409, "Withdrawals frozen", "The account is banned: its withdrawals are frozen. Unban it first, or reject."));
        }

        w.Approve(admin.Id, time.GetUtcNow());
        audit.Add(admin, "withdrawal.approve", Target(w), "", new { w.UserId, w.Amount, w.ToAddress });
        if (!await SavedFirstAsync(ct))
        {
            return (null, NotInReview(missing: false));
        }

        return (w, null);
    }

    public async Task<(Withdrawal?, Problem?)> RejectAsync(long id, AdminActor admin, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return (null, WithdrawalProblems.Of(WithdrawalProblems.ReasonRequired, 400, "Reason required", "Say why the withdrawal is rejected; the seller sees it."));
        }

        var w = await db.Set<Withdrawal>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (w is null || w.Status != WithdrawalStatus.InReview)
        {
            return (null, NotInReview(w is null));
        }

        // Status first (the version guards a concurrent approve), then the release, keyed so it happens once;
        // a crash in between leaves Rejecting, which the sender finishes.
        w.Reject(admin.Id, reason, time.GetUtcNow());
        audit.Add(admin, "withdrawal.reject", Target(w), reason, new { w.UserId, w.Amount, w.ToAddress });
        if (!await SavedFirstAsync(ct))
        {
            return (null, NotInReview(missing: false));
        }

        var release = await ledger.TransferAsync(PayoutTransfers.Release(w), ct);
        if (!release.Succeeded)
        {
            throw new InvalidOperationException($"Release of withdrawal {w.Id} refused: {release.Status} {release.Problem}");
        }

        w.MarkRejected(time.GetUtcNow());
        if (!await SavedFirstAsync(ct))
        {
            // The sender finished the release of this Rejecting withdrawal meanwhile: the outcome is the same.
            w = await db.Set<Withdrawal>().AsNoTracking().SingleAsync(x => x.Id == id, ct);
        }

        return (w, null);
    }

    /// <summary>
    /// Stages (the caller saves) the freeze of a banned user's withdrawals: every one not yet signed goes back to
    /// review with <paramref name="reason"/>, so the sender leaves it alone. Returns their ids.
    /// </summary>
    public async Task<IReadOnlyList<long>> FreezeAsync(string userId, string reason, CancellationToken ct)
    {
        WithdrawalStatus[] unsent = [WithdrawalStatus.Holding, WithdrawalStatus.InReview, WithdrawalStatus.Approved, WithdrawalStatus.WaitingForFunds];
        var rows = await db.Set<Withdrawal>().Where(w => w.UserId == userId && unsent.Contains(w.Status)).ToListAsync(ct);
        foreach (var w in rows)
        {
            w.Freeze(reason, time.GetUtcNow());
        }

        return rows.Select(w => w.Id).ToList();
    }

    /// <summary>
    /// Saves a decision guarded by the withdrawal's version: false when another decision (a double-click, a second
    /// admin, the sender) changed the row since it was read. Nothing of this one is saved then.
    /// </summary>
    private async Task<bool> SavedFirstAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static string Target(Withdrawal w) => $"withdrawal:{w.Id}";

    private static Problem NotInReview(bool missing) => missing
        ? WithdrawalProblems.Of(WithdrawalProblems.NotFound, 404, "No such withdrawal", "There is no withdrawal with that id.")
        : WithdrawalProblems.Of(WithdrawalProblems.NotInReview, 409, "Not in review", "This withdrawal is not waiting for review (already decided).");
}
