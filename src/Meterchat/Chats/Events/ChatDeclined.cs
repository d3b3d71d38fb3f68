namespace Meterchat.Chats;

/// <summary>The seller declined the request.</summary>
public sealed record ChatDeclined(DateTimeOffset At) : ChatEvent(At);
