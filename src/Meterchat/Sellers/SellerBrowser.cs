using System.Globalization;
using Meterchat.Accounts;
using Meterchat.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Sellers;

/// <summary>The browse query: filters and sort in SQL (indexed), offset pages with a cap, tags of the page in one more query.</summary>
public sealed class SellerBrowser(AppDbContext db, IOptionsMonitor<SellersOptions> options)
{
    public async Task<BrowsePage> BrowseAsync(BrowseQuery q, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(q.PageSize, 1, BrowseQuery.MaxPageSize);
        var page = Math.Clamp(q.Page, 1, BrowseQuery.MaxPage);
        var query = Listed();
        if (q.OnlineOnly)
        {
            query = query.Where(p => p.Presence == Presence.Online);
        }

        if (q.MaxRate is { } max)
        {
            query = query.Where(p => p.RateTokensPerMinute <= max);
        }

        var o = options.CurrentValue;
        if (q.Tier is { } tier)
        {
            // SellerTier's rule in SQL; Top's thresholds are at least Established's (validated), so Top implies Established.
            int en = o.EstablishedRatedChats, ec = o.EstablishedRatingCentis, tn = o.TopRatedChats, tc = o.TopRatingCentis;
            query = tier switch
            {
                Tier.Top => query.Where(p => p.RatingCount >= tn && p.RatingCentis >= tc),
                Tier.Established => query.Where(p => p.RatingCount >= en && p.RatingCentis >= ec && !(p.RatingCount >= tn && p.RatingCentis >= tc)),
                _ => query.Where(p => !(p.RatingCount >= en && p.RatingCentis >= ec)),
            };
        }

        if (!string.IsNullOrWhiteSpace(q.Tag))
        {
            var tag = q.Tag.Trim().ToLowerInvariant();
            query = query.Where(p => db.Set<SellerTag>().Any(t => t.SellerId == p.UserId && t.Kind == TagKind.Tag && t.Value == tag));
        }

        if (!string.IsNullOrWhiteSpace(q.Language))
        {
            var language = q.Language.Trim().ToLowerInvariant();
            query = query.Where(p => db.Set<SellerTag>().Any(t => t.SellerId == p.UserId && t.Kind == TagKind.Language && t.Value == language));
        }

        query = q.Sort switch
        {
            "rate" => query.OrderBy(p => p.RateTokensPerMinute).ThenBy(p => p.UserId),
            "newest" => query.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.UserId),
            _ => query.OrderByDescending(p => p.RatingCentis).ThenBy(p => p.UserId),
        };

        var rows = await query.Skip((page - 1) * pageSize).Take(pageSize + 1).ToListAsync(ct);
        var hasMore = rows.Count > pageSize;
        rows = [.. rows.Take(pageSize)];
        var ids = rows.Select(r => r.UserId).ToList();
        var tags = (await db.Set<SellerTag>().AsNoTracking().Where(t => ids.Contains(t.SellerId)).ToListAsync(ct)).ToLookup(t => t.SellerId);
        return new BrowsePage([.. rows.Select(r => Card(r, tags[r.UserId], o))], page, pageSize, hasMore);
    }

    /// <summary>Whether the seller shows in the storefront: a banned seller vanishes from browse and their page.</summary>
    public Task<bool> IsListedAsync(string sellerId, CancellationToken ct = default) =>
        Listed().AnyAsync(p => p.UserId == sellerId, ct);

    private IQueryable<SellerProfile> Listed() =>
        db.Set<SellerProfile>().AsNoTracking().Where(p => !db.Set<AppUser>().Any(u => u.Id == p.UserId && u.BannedAt != null));

    public static SellerCard Card(SellerProfile p, IEnumerable<SellerTag> tags, SellersOptions options) => new(
        p.UserId, p.DisplayName, p.Bio, p.RateTokensPerMinute,
        (p.RatingCentis / 100m).ToString("0.00", CultureInfo.InvariantCulture), p.RatingCount,
        [.. tags.Where(t => t.Kind == TagKind.Tag).Select(t => t.Value).Order(StringComparer.Ordinal)],
        [.. tags.Where(t => t.Kind == TagKind.Language).Select(t => t.Value).Order(StringComparer.Ordinal)],
        SellerPresence.Name(p.Presence), p.PhotoFile is null ? null : $"/api/sellers/{p.UserId}/photo", p.AutoAccept, p.CreatedAt,
        SellerTier.Progress(p.RatingCount, p.RatingCentis, options));
}
