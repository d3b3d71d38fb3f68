namespace Meterchat.Sellers;

public sealed record BrowsePage(IReadOnlyList<SellerCard> Items, int Page, int PageSize, bool HasMore);
