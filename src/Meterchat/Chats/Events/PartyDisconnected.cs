namespace Meterchat.Chats;

/// <summary>
/// The party's hub connection dropped without a clean leave. Pauses a live session; the reconnect grace runs.
/// </summary>
public sealed record PartyDisconnected(DateTimeOffset At, Party Party) : ChatEvent(At);
