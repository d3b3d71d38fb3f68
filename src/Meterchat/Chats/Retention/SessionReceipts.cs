using System.Text.Json;
using Meterchat.Chats.Live;
using Meterchat.Chats.Store;

namespace Meterchat.Chats.Retention;

/// <summary>A session's receipt: computed from its log while the log exists, else the snapshot stored when it was purged.</summary>
public static class SessionReceipts
{
    public static async Task<ReceiptView?> ForAsync(IChatSessions store, Guid sessionId, DateTimeOffset now, CancellationToken ct)
    {
        var row = await store.FindAsync(sessionId, ct);
        if (row?.ReceiptJson is { } json)
        {
            return FromJson(json);
        }

        var session = await store.LoadAsync(sessionId, ct);
        return session is null ? null : ReceiptView.Of(sessionId, Receipt.Of(session, now));
    }

    public static string ToJson(ReceiptView receipt) => JsonSerializer.Serialize(receipt, JsonSerializerOptions.Web);

    public static ReceiptView FromJson(string json) =>
        JsonSerializer.Deserialize<ReceiptView>(json, JsonSerializerOptions.Web) ?? throw new JsonException("Empty receipt snapshot.");
}
