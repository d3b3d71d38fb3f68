namespace Meterchat.Sellers;

/// <summary>One buyer's quick match in progress: what they asked for and whom it already rang.</summary>
public sealed record QuickMatch(string BuyerId, int MaxRate, IReadOnlyList<string> Tags, int? LimitTokens, IReadOnlySet<string> Tried, int AttemptsLeft);
