namespace Meterchat.Chats;

/// <summary>The seller blocked the buyer: the session ends at once.</summary>
public sealed record BuyerBlocked(DateTimeOffset At) : ChatEvent(At);
