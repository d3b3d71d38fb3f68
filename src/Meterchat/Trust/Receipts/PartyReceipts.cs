using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Retention;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.Ledger;
using Meterchat.Sellers;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Trust.Receipts;

/// <summary>Builds a party's receipt: the stored receipt, the other party's display name and the chat's tips.</summary>
public static class PartyReceipts
{
    public static async Task<PartyReceipt?> ForAsync(IChatSessions store, AppDbContext db, Guid sessionId, Party viewer, DateTimeOffset now, CancellationToken ct)
    {
        var row = await store.FindAsync(sessionId, ct);
        var receipt = await SessionReceipts.ForAsync(store, sessionId, now, ct);
        if (row is null || receipt is null)
        {
            return null;
        }

        var other = viewer == Party.Buyer ? await SellerNames.OfAsync(db, row.SellerId, ct) : ChatRequests.BuyerName(row.BuyerId);
        var tips = await SessionTips.ForAsync(db, sessionId, row.SellerId, ct);
        return PartyReceipt.Of(receipt, viewer, other, tips);
    }
}
