namespace Meterchat.Chats.Store;

/// <summary>
/// Events of <paramref name="Session"/> from position <paramref name="StoredCount"/> on are new and must be stored;
/// the stored log must still hold exactly <paramref name="StoredCount"/> events, or another writer got there first.
/// </summary>
public sealed record ChatAppend(Guid SessionId, ChatSession Session, int StoredCount);
