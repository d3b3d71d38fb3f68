namespace Meterchat.Sellers;

/// <summary>What happened to a request: outcome is accepted, declined, expired, blocked, ringing (quick match moved on) or no-match.</summary>
public sealed record RequestUpdate(Guid SessionId, string Outcome, string Detail, string? SellerId = null);
