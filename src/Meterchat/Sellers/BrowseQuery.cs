namespace Meterchat.Sellers;

/// <summary>Browse filters and sort: sort is rating (default), rate (cheapest first) or newest; tier filters by reputation tier.</summary>
public sealed record BrowseQuery(int? MaxRate = null, string? Tag = null, string? Language = null, bool OnlineOnly = false, string? Sort = null, int Page = 1, int PageSize = 24, Tier? Tier = null)
{
    public const int MaxPageSize = 100;
    public const int MaxPage = 200;
}
