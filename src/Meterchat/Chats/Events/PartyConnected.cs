namespace Meterchat.Chats;

/// <summary>
/// The party's hub connection joined the session (first join or reconnect). Counts as a fresh heartbeat;
/// its media evidence stays cleared until its next <see cref="MediaReported"/>.
/// </summary>
public sealed record PartyConnected(DateTimeOffset At, Party Party) : ChatEvent(At);
