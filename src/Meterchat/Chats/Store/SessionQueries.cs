using Meterchat.Data;

namespace Meterchat.Chats.Store;

/// <summary>
/// The session rows other features may filter on (a seller who is ringing or in a chat), as queries they compose into
/// their own: one SQL statement still answers "online sellers not in a chat", yet only Chats names its table.
/// </summary>
public static class SessionQueries
{
    /// <summary>The states in which a seller is in a chat (busy): accepted until ended.</summary>
    public static readonly ChatState[] InChatStates = [ChatState.Accepted, ChatState.Connecting, ChatState.Live, ChatState.Paused];

    /// <summary>Requests still ringing (not yet answered, cancelled or expired).</summary>
    public static IQueryable<ChatSessionRow> Ringing(AppDbContext db) => db.Set<ChatSessionRow>().Where(s => s.State == ChatState.Requested);

    /// <summary>Sessions whose parties are in a chat.</summary>
    public static IQueryable<ChatSessionRow> InChat(AppDbContext db) => db.Set<ChatSessionRow>().Where(s => InChatStates.Contains(s.State));

    /// <summary>Ringing or in a chat: what a block or a ban must end.</summary>
    public static IQueryable<ChatSessionRow> Open(AppDbContext db) =>
        db.Set<ChatSessionRow>().Where(s => s.State == ChatState.Requested || InChatStates.Contains(s.State));
}
