namespace Meterchat.Ledger;

/// <summary>One movement on one of a user's accounts.</summary>
public sealed record HistoryEntry(long TransferId, DateTimeOffset At, TransferKind Kind, string? Reference, AccountKind Account, Micros Amount);
