namespace Meterchat.Sellers;

/// <summary>A request as the buyer sees it: ringing (until when) or already accepted (auto-accept).</summary>
public sealed record ChatRequestResponse(Guid SessionId, string SellerId, string DisplayName, int RateTokensPerMinute, string State, DateTimeOffset? RingsUntil);
