using Meterchat.Ledger;

namespace Meterchat.Chats.Live;

/// <summary>
/// Refunds in full a session lost to a failure in its first seconds (key refund:{session}): the buyer's
/// charges come back from the seller's earnings and the platform's revenue; what the seller already moved on
/// is covered by the platform's losses account (<see cref="RefundSplit"/>, shared with disputes).
/// </summary>
public sealed class AutoRefunds(ILedger ledger, ILogger<AutoRefunds> logger)
{
    /// <summary>Under the gate: books the refund of each due session that owes one and has not had it yet.</summary>
    public async Task RefundAsync(List<LiveSession> due, CancellationToken ct)
    {
        foreach (var live in due.Where(l => l.Session.RequiresAutoRefund && !l.RefundSettled))
        {
            var totals = live.Session.Terms.Split.Times(live.Session.UnitsCharged);
            var (result, split) = await RefundTransfer.BookAsync(
                ledger, MeterClock.RefundKey(live.Id), TransferKind.Refund, live.BuyerId, live.SellerId, totals.Price, totals.Seller, totals.Platform, live.Id.ToString(), ct);
            if (split.FromLosses.IsPositive && result.Status == TransferStatus.Completed)
            {
                logger.LogWarning("Refund of {Session}: the seller's earnings held {FromSeller} of their share; {FromLosses} came from platform losses", live.Id, split.FromSeller, split.FromLosses);
            }

            if (!result.Succeeded)
            {
                logger.LogError("Refund of {Session} was {Status}: {Problem}", live.Id, result.Status, result.Problem);
            }

            live.RefundSettled = true;
        }
    }
}
