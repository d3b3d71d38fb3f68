namespace Meterchat.Chats;

/// <summary>A clean leave: the party pressed End or closed the page. Ends the session at once.</summary>
public sealed record PartyLeft(DateTimeOffset At, Party Party) : ChatEvent(At);
