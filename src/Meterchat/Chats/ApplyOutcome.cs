namespace Meterchat.Chats;

/// <summary>What <see cref="ChatSession.Apply"/> did with an event.</summary>
public enum ApplyOutcome
{
    /// <summary>The event changed the session and was appended to its log: persist it.</summary>
    Applied,

    /// <summary>
    /// Harmless and changed nothing (a repeated report, a late event after the end): not logged.
    /// Late events are normal because clients and the clock race the end.
    /// </summary>
    Ignored,

    /// <summary>Not allowed in the current state (for example media before acceptance): not logged.</summary>
    Rejected,
}
