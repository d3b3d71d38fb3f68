namespace Meterchat.Sellers;

/// <summary>An incoming request as the seller's page shows it.</summary>
public sealed record RingCard(Guid SessionId, string BuyerId, string BuyerName, int RateTokensPerMinute, DateTimeOffset RingsUntil);
