namespace Meterchat.Chats.Store;

/// <summary>
/// The sessions' durable logs: reads, and the appends of <see cref="Live.LiveSessions"/>, the only writer of session
/// events. An append stores events already applied to a <see cref="ChatSession"/> together with the row update,
/// refused (returned as a conflict) when the stored log moved on meanwhile or, with several nodes, the writer's
/// lease token no longer holds.
/// </summary>
public interface IChatSessions
{
    /// <summary>Records a buyer's request (the first event of a new session) and returns the session's id.</summary>
    Task<Guid> RequestAsync(string buyerId, string sellerId, ChatTerms terms, CancellationToken ct = default);

    /// <summary>The session rebuilt from its log, or null when there is none.</summary>
    Task<ChatSession?> LoadAsync(Guid sessionId, CancellationToken ct = default);

    /// <summary>The summary row, or null.</summary>
    Task<ChatSessionRow?> FindAsync(Guid sessionId, CancellationToken ct = default);

    /// <summary>
    /// Persists events already applied to in-memory sessions (a tick's batch, or one event), all in one transaction.
    /// Returns the sessions whose stored log moved on meanwhile (another writer): the caller reloads those.
    /// </summary>
    Task<IReadOnlyList<Guid>> AppendAsync(IReadOnlyList<ChatAppend> appends, CancellationToken ct = default);

    /// <summary>Summary rows of sessions that are not over and were accepted (the clock's work after a restart).</summary>
    Task<IReadOnlyList<ChatSessionRow>> ListOpenAsync(CancellationToken ct = default);

    /// <summary>How many sessions are running now (Live or Paused): the admin dashboard's figure.</summary>
    Task<int> CountRunningAsync(CancellationToken ct = default);

    /// <summary>Ended sessions that may still owe an automatic refund (ended since <paramref name="since"/>).</summary>
    Task<IReadOnlyList<ChatSessionRow>> ListRefundCandidatesAsync(DateTimeOffset since, CancellationToken ct = default);

    /// <summary>A user's sessions as buyer or seller, newest first.</summary>
    Task<IReadOnlyList<ChatSessionRow>> ListForUserAsync(string userId, int limit, CancellationToken ct = default);

    /// <summary>Many sessions rebuilt from their logs in two queries (a restart, a node taking over).</summary>
    Task<IReadOnlyList<(ChatSessionRow Row, ChatSession Session)>> LoadManyAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct = default);
}
