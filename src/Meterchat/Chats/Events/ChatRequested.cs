namespace Meterchat.Chats;

/// <summary>The buyer asked for a chat on these terms. Always the first event of a log.</summary>
public sealed record ChatRequested(DateTimeOffset At, ChatTerms Terms) : ChatEvent(At);
