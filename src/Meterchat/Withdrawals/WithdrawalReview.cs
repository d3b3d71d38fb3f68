using Meterchat.Data;
using Meterchat.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Withdrawals;

/// <summary>The admin's queue: approve sends it to the sender; reject returns held → earnings (<c>payout:{id}:release</c>).</summary>
public sealed class WithdrawalReview(AppDbContext db, ILedger ledger, TimeProvider time)
{
    public Task<List<Withdrawal>> QueueAsync(CancellationToken ct) =>
        db.Set<Withdrawal>().AsNoTracking().Where(w => w.Status == WithdrawalStatus.InReview).OrderBy(w => w.Id).ToListAsync(ct);

    /// <summary>How many withdrawals wait for an admin (the console's badge).</summary>
    public Task<int> CountWaitingAsync(CancellationToken ct) =>
        db.Set<Withdrawal>().CountAsync(w => w.Status == WithdrawalStatus.InReview, ct);

    public async Task<(Withdrawal?, WithdrawalError?)> ApproveAsync(long id, string adminId, CancellationToken ct)
    {
        var w = await db.Set<Withdrawal>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (w is null || w.Status != WithdrawalStatus.InReview)
        {
            return (null, NotInReview(w is null));
        }

        w.Status = WithdrawalStatus.Approved;
        w.ReviewedBy = adminId;
        w.UpdatedAt = time.GetUtcNow();
        w.Version++;
        await db.SaveChangesAsync(ct);
        return (w, null);
    }

    public async Task<(Withdrawal?, WithdrawalError?)> RejectAsync(long id, string adminId, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return (null, new WithdrawalError(WithdrawalProblems.ReasonRequired, 400, "Reason required", "Say why the withdrawal is rejected; the seller sees it."));
        }

        var w = await db.Set<Withdrawal>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (w is null || w.Status != WithdrawalStatus.InReview)
        {
            return (null, NotInReview(w is null));
        }

        // Status first (the version guards a concurrent approve), then the release, keyed so it happens once;
        // a crash in between leaves Rejecting, which the sender finishes.
        w.Status = WithdrawalStatus.Rejecting;
        w.ReviewedBy = adminId;
        w.RejectReason = reason.Trim()[..Math.Min(400, reason.Trim().Length)];
        w.UpdatedAt = time.GetUtcNow();
        w.Version++;
        await db.SaveChangesAsync(ct);
        var release = await ledger.TransferAsync(ReleaseTransfer(w), ct);
        if (!release.Succeeded)
        {
            throw new InvalidOperationException($"Release of withdrawal {w.Id} refused: {release.Status} {release.Problem}");
        }

        w.Status = WithdrawalStatus.Rejected;
        w.Version++;
        await db.SaveChangesAsync(ct);

        return (w, null);
    }

    public static TransferRequest ReleaseTransfer(Withdrawal w) =>
        TransferRequest.Move($"payout:{w.Id}:release", TransferKind.WithdrawalRelease, AccountRef.Held(w.UserId), AccountRef.Earnings(w.UserId), new Micros(w.Amount), $"withdrawal:{w.Id}");

    private static WithdrawalError NotInReview(bool missing) => missing
        ? new WithdrawalError(WithdrawalProblems.NotFound, 404, "No such withdrawal", "There is no withdrawal with that id.")
        : new WithdrawalError(WithdrawalProblems.NotInReview, 409, "Not in review", "This withdrawal is not waiting for review (already decided).");
}
