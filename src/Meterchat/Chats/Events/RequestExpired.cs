namespace Meterchat.Chats;

/// <summary>The seller did not answer; the ring timeout belongs to matching, which appends this.</summary>
public sealed record RequestExpired(DateTimeOffset At) : ChatEvent(At);
