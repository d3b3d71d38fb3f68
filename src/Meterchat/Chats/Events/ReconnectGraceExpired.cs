namespace Meterchat.Chats;

/// <summary>A pause lasted the whole reconnect grace: the session ends as ConnectionLost.</summary>
public sealed record ReconnectGraceExpired(DateTimeOffset At) : ChatEvent(At);
