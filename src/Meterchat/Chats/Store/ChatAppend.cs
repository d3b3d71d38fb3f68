namespace Meterchat.Chats.Store;

/// <summary>
/// Events of <paramref name="Session"/> from position <paramref name="StoredCount"/> on are new and must be stored;
/// the stored log must still hold exactly <paramref name="StoredCount"/> events, or another writer got there first.
/// With several nodes, <paramref name="Fence"/> is the writer's lease token: the append fails unless the session's lease
/// still names this node with that token (checked in the same transaction). <paramref name="Head"/>, when the caller
/// keeps one, lets the store skip reading the row (and is updated once the append commits).
/// </summary>
public sealed record ChatAppend(Guid SessionId, ChatSession Session, int StoredCount, long? Fence = null, StoredHead? Head = null);
