namespace Meterchat.Chats;

/// <summary>The media did not come up within the connect timeout after acceptance: the session fails unbilled.</summary>
public sealed record ConnectTimedOut(DateTimeOffset At) : ChatEvent(At);
