using Microsoft.AspNetCore.OutputCaching;

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

    public static void AddPolicy(OutputCacheOptions cache, SellersOptions sellers)
    {
        if (sellers.BrowseCacheSeconds > 0)
        {
            cache.AddPolicy(PolicyName, b => b.Expire(TimeSpan.FromSeconds(sellers.BrowseCacheSeconds)).SetVaryByQuery("*").Tag(PolicyName));
        }
        else
        {
            cache.AddPolicy(PolicyName, b => b.NoCache());
        }
    }

    /// <summary>Drops every cached page at once, for a change that must not wait for expiry (a banned seller vanishes now).</summary>
    public static ValueTask EvictAsync(IOutputCacheStore store, CancellationToken ct) => store.EvictByTagAsync(PolicyName, ct);
}
