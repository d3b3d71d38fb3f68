namespace Meterchat.Chats;

/// <summary>
/// The server restarted with this session open. A live session resumes as Paused with its live time cut
/// at the last logged event (the server cannot know when it died, and must not bill its downtime);
/// everybody's evidence is cleared, and the grace or connect timeout restarts from now.
/// </summary>
public sealed record ServerRecovered(DateTimeOffset At) : ChatEvent(At);
