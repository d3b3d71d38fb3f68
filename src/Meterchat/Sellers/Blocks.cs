using Meterchat.Accounts;
using Meterchat.Chats;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.Web;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Sellers;

/// <summary>A seller blocks a buyer: future requests and matches are refused, and a chat between them ends now.</summary>
public sealed class Blocks(AppDbContext db, Meterchat.Chats.Live.LiveSessions sessions, ChatRequests requests, SellerPresence presence, TimeProvider time)
{
    public async Task<Problem?> BlockAsync(string sellerId, string? buyerId, CancellationToken ct = default)
    {
        // Only someone who exists can be blocked: an id is at most 64 characters and names a user.
        if (string.IsNullOrEmpty(buyerId) || buyerId.Length > 64 || buyerId == sellerId || !await db.Set<AppUser>().AnyAsync(u => u.Id == buyerId, ct))
        {
            return new Problem(404, "block/unknown-buyer", "Unknown person", "There is no one else with that id to block.");
        }

        if (!await db.Set<SellerBlock>().AnyAsync(b => b.SellerId == sellerId && b.BuyerId == buyerId, ct))
        {
            db.Add(new SellerBlock { SellerId = sellerId, BuyerId = buyerId, At = time.GetUtcNow() });
            await db.SaveChangesAsync(ct);
        }

        var open = await SessionQueries.Open(db).AsNoTracking()
            .Where(s => s.SellerId == sellerId && s.BuyerId == buyerId)
            .Select(s => new { s.Id, s.State }).ToListAsync(ct);
        foreach (var s in open)
        {
            if (s.State == ChatState.Requested)
            {
                await requests.DeclineAsync(sellerId, s.Id, ct);
            }
            else
            {
                // Through the live sessions, so the live copy, the pushes and the receipt see the end too.
                await sessions.ApplyAsync(s.Id, new BuyerBlocked(time.GetUtcNow()), ct);
            }
        }

        if (open.Count > 0)
        {
            await presence.RefreshAsync(sellerId, ct);
        }

        return null;
    }

    /// <summary>The seller's blocked buyers, latest first.</summary>
    public async Task<IReadOnlyList<BlockedBuyer>> ListAsync(string sellerId, CancellationToken ct = default)
    {
        var rows = await db.Set<SellerBlock>().AsNoTracking().Where(b => b.SellerId == sellerId).ToListAsync(ct);
        return [.. rows.OrderByDescending(b => b.At).Select(b => new BlockedBuyer(b.BuyerId, ChatRequests.BuyerName(b.BuyerId), b.At))];
    }

    public async Task UnblockAsync(string sellerId, string buyerId, CancellationToken ct = default) =>
        await db.Set<SellerBlock>().Where(b => b.SellerId == sellerId && b.BuyerId == buyerId).ExecuteDeleteAsync(ct);
}
