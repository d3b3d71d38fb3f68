namespace Meterchat.Sellers;

/// <summary>A buyer the seller blocked, as the seller's list shows them: the same pseudonym a ringing request shows.</summary>
public sealed record BlockedBuyer(string BuyerId, string Name, DateTimeOffset At);
