namespace Meterchat.Chats;

/// <summary>
/// Unit number <paramref name="Unit"/> (1-based) was transferred in the ledger (idempotency key
/// unit:{session}:{Unit}). Units are charged one by one in order, only once due.
/// </summary>
public sealed record UnitCharged(DateTimeOffset At, long Unit) : ChatEvent(At);
