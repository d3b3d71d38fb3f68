using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Meterchat.Sellers;

/// <summary>
/// The anonymous browse list from memory for a few seconds (ASP.NET Core output caching): the same query in that window
/// gets the same page without touching the database. Only what is the same for everyone is cached: the default rules
/// skip any request with credentials (a signed-in buyer always sees the live list) and any response that sets a cookie;
/// each query string (filters, sort, page) is its own entry. Presence on a cached page may lag by at most
/// <see cref="SellersOptions.BrowseCacheSeconds"/>; the page's presence hub corrects it live.
/// </summary>
public static class BrowseCache
{
    public const string PolicyName = "sellers-browse";

    /// <summary>
    /// The <c>/browse</c> page itself: the same rules, one entry whatever the query (the page's script reads the filters
    /// from the address; the HTML does not depend on them). The anonymous page has no form that posts, so no antiforgery
    /// token; the signed-in page carries one and is never stored. A visitor with a pending status message (the
    /// temp-data cookie) gets the page rendered for them.
    /// </summary>
    public const string PagePolicyName = "browse-page";

    public static void AddPolicy(OutputCacheOptions cache, SellersOptions sellers)
    {
        // Paths keep their case in a cached page (the canonical link): /BROWSE must not become everyone's /browse.
        cache.UseCaseSensitivePaths = true;
        if (sellers.BrowseCacheSeconds > 0)
        {
            var expiry = TimeSpan.FromSeconds(sellers.BrowseCacheSeconds);
            cache.AddPolicy(PolicyName, b => b.Expire(expiry).SetVaryByQuery("*").Tag(PolicyName));
            cache.AddPolicy(PagePolicyName, b => b.With(c => !HasPendingStatus(c.HttpContext)).Expire(expiry).SetVaryByQuery([]));
        }
        else
        {
            cache.AddPolicy(PolicyName, b => b.NoCache());
            cache.AddPolicy(PagePolicyName, b => b.NoCache());
        }
    }

    /// <summary>Drops every cached page at once, for a change that must not wait for expiry (a banned seller vanishes now).</summary>
    public static ValueTask EvictAsync(IOutputCacheStore store, CancellationToken ct) => store.EvictByTagAsync(PolicyName, ct);

    private static bool HasPendingStatus(HttpContext context) =>
        context.Request.Cookies.ContainsKey(context.RequestServices.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name!);
}
