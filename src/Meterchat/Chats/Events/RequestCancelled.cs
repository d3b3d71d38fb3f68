namespace Meterchat.Chats;

/// <summary>The buyer withdrew the request before the seller answered (only a ringing request can be cancelled).</summary>
public sealed record RequestCancelled(DateTimeOffset At) : ChatEvent(At);
