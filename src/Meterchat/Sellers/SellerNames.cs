using Meterchat.Data;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Sellers;

/// <summary>Sellers' display names for other features' pages (receipts, history), read from Sellers' own table.</summary>
public static class SellerNames
{
    /// <summary>The display names of these sellers; a seller without a profile is missing from the result.</summary>
    public static Task<Dictionary<string, string>> OfAsync(AppDbContext db, IReadOnlyCollection<string> sellerIds, CancellationToken ct) =>
        db.Set<SellerProfile>().AsNoTracking().Where(p => sellerIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, p => p.DisplayName, ct);

    /// <summary>The seller's display name, or a neutral word when the profile is gone.</summary>
    public static async Task<string> OfAsync(AppDbContext db, string sellerId, CancellationToken ct) =>
        await db.Set<SellerProfile>().AsNoTracking().Where(p => p.UserId == sellerId).Select(p => p.DisplayName).FirstOrDefaultAsync(ct) ?? "the seller";
}
