namespace Meterchat.Chats.Store;

/// <summary>
/// Events of <paramref name="Session"/> from position <paramref name="StoredCount"/> on are new and must be stored;
/// the stored log must still hold exactly <paramref name="StoredCount"/> events, or another writer got there first.
/// With several nodes, <paramref name="Fence"/> is the writer's lease token: the append fails unless the session's lease
/// still names this node with that token (checked in the same transaction).
/// </summary>
public sealed record ChatAppend(Guid SessionId, ChatSession Session, int StoredCount, long? Fence = null);
