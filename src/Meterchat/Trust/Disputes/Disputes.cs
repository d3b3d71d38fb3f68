using Meterchat.Audit;
using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.Ledger;
using Meterchat.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Trust.Disputes;

/// <summary>
/// Opening disputes (a party of an ended session, within the window, one per session) and deciding them (an admin:
/// full refund, partial refund or reject, with a note). A refund is ONE ledger transfer keyed <c>dispute:{id}</c>,
/// split by <see cref="RefundSplit"/>; the decision and its audit row commit together before it.
/// </summary>
public sealed class Disputes(AppDbContext db, IChatSessions sessions, ILedger ledger, AdminAuditLog audit, BalancePush push, TimeProvider time, IOptions<TrustOptions> options)
{
    public static string TransferKey(long disputeId) => $"dispute:{disputeId}";

    public async Task<Outcome<DisputeView>> OpenAsync(string userId, Guid sessionId, OpenDisputeInput input, CancellationToken ct)
    {
        var row = await sessions.FindAsync(sessionId, ct);
        if (row is null || (row.BuyerId != userId && row.SellerId != userId))
        {
            return TrustProblems.ChatNotFound;
        }

        if (input.Reason is not { } reason || !Enum.IsDefined(reason))
        {
            return Invalid("Choose a reason: NotAsDescribed, TechnicalProblem, BilledWrongly, Abuse or Other.");
        }

        var text = input.Text?.Trim() ?? "";
        if (text.Length == 0 || text.Length > TrustOptions.MaxDisputeText)
        {
            return Invalid($"Describe what went wrong in 1 to {TrustOptions.MaxDisputeText} characters.");
        }

        if (row.State != ChatState.Ended || row.EndedAt is not { } endedAt)
        {
            return new Problem(409, "dispute/not-ended", "Chat not ended", "A dispute can be opened only on a chat that has ended.");
        }

        var now = time.GetUtcNow();
        if (now - endedAt > options.Value.DisputeWindow)
        {
            return new Problem(409, "dispute/window-closed", "Too late to dispute",
                $"A dispute must be opened within {TrustOptions.Describe(options.Value.DisputeWindow)} of the chat's end.");
        }

        if (await db.Set<Dispute>().AnyAsync(d => d.SessionId == sessionId, ct))
        {
            return AlreadyOpen();
        }

        var dispute = new Dispute
        {
            SessionId = sessionId,
            BuyerId = row.BuyerId,
            SellerId = row.SellerId,
            OpenedBy = row.BuyerId == userId ? Party.Buyer : Party.Seller,
            Reason = reason,
            Text = text,
            OpenedAt = now,
        };
        db.Add(dispute);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on the session: the other party opened one at the same moment.
            return AlreadyOpen();
        }

        return DisputeView.Of(dispute);
    }

    /// <summary>The disputes on the user's sessions (as buyer or seller), newest first.</summary>
    public async Task<List<DisputeView>> MineAsync(string userId, CancellationToken ct) =>
        (await db.Set<Dispute>().AsNoTracking().Where(d => d.BuyerId == userId || d.SellerId == userId).OrderByDescending(d => d.Id).Take(200).ToListAsync(ct))
        .Select(DisputeView.Of).ToList();

    /// <summary>The dispute on a session if the user is a party of it, or null.</summary>
    public async Task<DisputeView?> ForSessionAsync(string userId, Guid sessionId, CancellationToken ct) =>
        await db.Set<Dispute>().AsNoTracking().SingleOrDefaultAsync(d => d.SessionId == sessionId && (d.BuyerId == userId || d.SellerId == userId), ct) is { } d
            ? DisputeView.Of(d) : null;

    /// <summary>The admin's list: open ones first (oldest first), then decided (newest first). Finishes any refund left unbooked.</summary>
    public async Task<List<DisputeView>> ListAsync(CancellationToken ct)
    {
        await BookPendingAsync(ct);
        var open = await db.Set<Dispute>().AsNoTracking().Where(d => d.Outcome == null).OrderBy(d => d.OpenedAt).ThenBy(d => d.Id).ToListAsync(ct);
        var decided = await db.Set<Dispute>().AsNoTracking().Where(d => d.Outcome != null).OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).Take(200).ToListAsync(ct);
        return [.. open.Concat(decided).Select(DisputeView.Of)];
    }

    public async Task<DisputeDetail?> DetailAsync(long id, CancellationToken ct)
    {
        var d = await db.Set<Dispute>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null || await sessions.LoadAsync(d.SessionId, ct) is not { } session)
        {
            return null;
        }

        var receipt = Receipt.Of(session, time.GetUtcNow());
        var refunded = await AlreadyRefundedAsync(d, includingThisDispute: true, ct);
        var refundable = receipt.Charged - refunded;
        return new DisputeDetail(DisputeView.Of(d), ReceiptView.Of(d.SessionId, receipt), LogLine.Of(session), MoneyJson.Of(refunded),
            MoneyJson.Of(refundable.IsNegative ? Micros.Zero : refundable));
    }

    public async Task<Outcome<DisputeView>> DecideAsync(long id, AdminActor actor, DecideDisputeInput input, CancellationToken ct)
    {
        var d = await db.Set<Dispute>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return new Problem(404, "dispute/not-found", "No such dispute", "There is no dispute with that id.");
        }

        if (!d.IsOpen)
        {
            return AlreadyDecided();
        }

        var note = input.Note?.Trim() ?? "";
        if (note.Length == 0 || note.Length > TrustOptions.MaxNote)
        {
            return new Problem(400, "dispute/note-required", "Note required", $"Write a note of 1 to {TrustOptions.MaxNote} characters; both parties see it.");
        }

        if (input.Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            return new Problem(400, "dispute/invalid-decision", "Invalid decision", "Decide FullRefund, PartialRefund (with an amount) or Reject.");
        }

        var session = (await sessions.LoadAsync(d.SessionId, ct))!;
        var totals = session.Terms.Split.Times(session.UnitsCharged);
        var refundable = totals.Price - await AlreadyRefundedAsync(d, includingThisDispute: false, ct);
        refundable = refundable.IsNegative ? Micros.Zero : refundable;
        var refund = Micros.Zero;
        if (outcome == DisputeOutcome.FullRefund)
        {
            if (!refundable.IsPositive)
            {
                return NothingToRefund();
            }

            refund = refundable;
        }
        else if (outcome == DisputeOutcome.PartialRefund)
        {
            var tokens = string.Equals(input.Unit, "tokens", StringComparison.OrdinalIgnoreCase);
            if (!(tokens ? Micros.TryParseTokens(input.Amount, out refund, out var error) : Micros.TryParseUsdt(input.Amount, out refund, out error)) || !refund.IsPositive)
            {
                return new Problem(400, "dispute/bad-amount", "Invalid amount", error ?? "A partial refund needs a positive amount.");
            }

            if (refund > refundable)
            {
                return refundable.IsPositive
                    ? new Problem(400, "dispute/amount-too-large", "Amount too large", $"At most {refundable.ToUsdtString()} USDT ({refundable.ToTokensString()} tokens) of this chat can still be refunded.")
                    : NothingToRefund();
            }
        }

        d.Outcome = outcome;
        d.Note = note;
        d.DecidedAt = time.GetUtcNow();
        d.DecidedBy = actor.Id;
        d.RefundMicros = refund.Value;
        d.RefundBooked = !refund.IsPositive;
        d.Version++;
        audit.Add(actor, "dispute.decide", $"dispute:{d.Id}", note, new { session = d.SessionId, outcome = outcome.ToString(), refundMicros = refund.Value });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AlreadyDecided();
        }

        if (refund.IsPositive)
        {
            await BookAsync(d, totals, ct);
        }

        return DisputeView.Of(d);
    }

    /// <summary>Books the refund of a decided dispute (idempotent on its key) and records the split on the dispute.</summary>
    private async Task BookAsync(Dispute d, UnitSplit totals, CancellationToken ct)
    {
        var (result, split) = await RefundTransfer.BookAsync(
            ledger, TransferKey(d.Id), TransferKind.DisputeRefund, d.BuyerId, d.SellerId, new Micros(d.RefundMicros), totals.Seller, totals.Platform, $"dispute:{d.Id}", ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The refund of dispute {d.Id} was refused: {result.Status} {result.Problem}");
        }

        if (result.Status == TransferStatus.Completed)
        {
            await push.ChangedAsync(d.BuyerId, d.SellerId);
            d.FromSellerMicros = split.FromSeller.Value;
            d.FromPlatformMicros = split.FromPlatform.Value;
            d.FromLossesMicros = split.FromLosses.Value;
        }

        d.RefundBooked = true;
        d.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The admin list finished this refund at the same moment (its key moved the money once): keep the split
            // of whichever call booked it, never a 500.
            db.Entry(d).State = EntityState.Detached;
            if (result.Status == TransferStatus.Completed)
            {
                await db.Set<Dispute>().Where(x => x.Id == d.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(x => x.FromSellerMicros, split.FromSeller.Value)
                    .SetProperty(x => x.FromPlatformMicros, split.FromPlatform.Value)
                    .SetProperty(x => x.FromLossesMicros, split.FromLosses.Value)
                    .SetProperty(x => x.RefundBooked, true), ct);
            }
        }
    }

    private async Task BookPendingAsync(CancellationToken ct)
    {
        foreach (var d in await db.Set<Dispute>().Where(x => x.Outcome != null && !x.RefundBooked).ToListAsync(ct))
        {
            var session = (await sessions.LoadAsync(d.SessionId, ct))!;
            await BookAsync(d, session.Terms.Split.Times(session.UnitsCharged), ct);
        }
    }

    /// <summary>
    /// What already went back to the buyer's wallet for this chat: the automatic refund (key refund:{session}) and,
    /// for the page, this dispute's own refund (key dispute:{id}) once decided. A decision counts the automatic refund
    /// only: a losing double-click must reach the concurrency check and hear "already decided", not "nothing to refund".
    /// </summary>
    private async Task<Micros> AlreadyRefundedAsync(Dispute d, bool includingThisDispute, CancellationToken ct)
    {
        var key = MeterClock.RefundKey(d.SessionId);
        var disputeKey = includingThisDispute ? TransferKey(d.Id) : key;
        return await LedgerReads.BookedToAsync(db, AccountRef.Wallet(d.BuyerId), key, disputeKey, ct);
    }

    private static Problem Invalid(string detail) => new(400, "dispute/invalid", "Invalid dispute", detail);

    private static Problem AlreadyOpen() =>
        new(409, "dispute/already-open", "Already disputed", "This chat already has a dispute; there is one per chat.");

    private static Problem AlreadyDecided() =>
        new(409, "dispute/already-decided", "Already decided", "This dispute has been decided; a decision is final.");

    private static Problem NothingToRefund() =>
        new(409, "dispute/nothing-to-refund", "Nothing to refund", "Everything this chat charged has already been refunded.");
}
