namespace Meterchat.Chats;

/// <summary>
/// Unit number <paramref name="Unit"/> was due but did not fit the wallet or the spending limit:
/// the session ends with <paramref name="Reason"/> (BalanceExhausted or SpendingLimitReached).
/// </summary>
public sealed record UnitRefused(DateTimeOffset At, long Unit, EndReason Reason) : ChatEvent(At);
