namespace Meterchat.Chats;

/// <summary>A moderator banned a party: the session ends at once.</summary>
public sealed record PartyBanned(DateTimeOffset At, Party Party) : ChatEvent(At);
