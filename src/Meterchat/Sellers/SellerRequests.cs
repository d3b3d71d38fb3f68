namespace Meterchat.Sellers;

/// <summary>The request bodies of the sellers API.</summary>
public sealed record ChatRequestInput(string SellerId, int RateTokensPerMinute, int? SpendingLimitTokens);

public sealed record QuickMatchInput(int MaxRate, IReadOnlyList<string>? Tags, int? SpendingLimitTokens);

public sealed record PresenceInput(bool Online);

public sealed record BlockInput(string BuyerId);

public sealed record ReportInput(string SubjectId, string Reason);

public sealed record PresenceResponse(string Presence);

public sealed record PhotoResponse(string Url);

public sealed record ReportResponse(long Id);
