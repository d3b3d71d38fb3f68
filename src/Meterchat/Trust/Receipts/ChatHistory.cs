using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.Ledger;
using Meterchat.Sellers;
using Meterchat.Trust.Disputes;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Trust.Receipts;

/// <summary>A person's chats as history lines: three small queries (names, refunds, disputes) for the whole page.</summary>
public static class ChatHistory
{
    public static async Task<IReadOnlyList<HistoryLine>> ForAsync(IChatSessions store, AppDbContext db, string userId, int limit, CancellationToken ct)
    {
        var rows = await store.ListForUserAsync(userId, limit, ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var sellerIds = rows.Where(r => r.BuyerId == userId).Select(r => r.SellerId).Distinct().ToList();
        var names = await SellerNames.OfAsync(db, sellerIds, ct);
        var references = rows.Select(r => r.Id.ToString()).ToList();
        var refunded = await LedgerReads.ReferencesWithAsync(db, TransferKind.Refund, references, ct);
        var ids = rows.Select(r => r.Id).ToList();
        var disputes = (await db.Set<Dispute>().AsNoTracking().Where(d => ids.Contains(d.SessionId)).ToListAsync(ct))
            .GroupBy(d => d.SessionId).ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.Id).First());

        return [.. rows.Select(r =>
        {
            var viewer = r.BuyerId == userId ? Party.Buyer : Party.Seller;
            var other = viewer == Party.Buyer ? names.GetValueOrDefault(r.SellerId) ?? "the seller" : Sellers.ChatRequests.BuyerName(r.BuyerId);
            var charged = new TokenRate(r.RateTokensPerMinute).UnitPrice * r.UnitsCharged;
            return new HistoryLine(
                r.Id,
                viewer.ToString(),
                other,
                r.State.ToString(),
                r.EndReason?.ToString(),
                Summary(r, viewer, other),
                r.CreatedAt,
                r.EndedAt,
                r.UnitsCharged,
                r.RateTokensPerMinute,
                charged.Value,
                ReceiptWords.Tokens(charged),
                refunded.Contains(r.Id.ToString()),
                disputes.TryGetValue(r.Id, out var d) ? DisputeStatus(d) : null);
        })];
    }

    private static string Summary(ChatSessionRow r, Party viewer, string other) => r.State switch
    {
        ChatState.Requested => "Waiting for an answer",
        ChatState.Accepted or ChatState.Connecting => "Connecting",
        ChatState.Live => "Live now",
        ChatState.Paused => "Paused",
        _ => ReceiptWords.Ended(r.State, r.EndReason, viewer, other),
    };

    private static string DisputeStatus(Dispute d) => d.Outcome switch
    {
        null => "Open",
        DisputeOutcome.FullRefund => $"Refunded in full ({ReceiptWords.Tokens(new Micros(d.RefundMicros))})",
        DisputeOutcome.PartialRefund => $"Partly refunded ({ReceiptWords.Tokens(new Micros(d.RefundMicros))})",
        _ => "Rejected",
    };
}
