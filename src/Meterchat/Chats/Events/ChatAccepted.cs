namespace Meterchat.Chats;

/// <summary>The seller (or auto-accept) accepted the request; the connect timeout starts.</summary>
public sealed record ChatAccepted(DateTimeOffset At) : ChatEvent(At);
