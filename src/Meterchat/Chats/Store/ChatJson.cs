using System.Text.Json;

namespace Meterchat.Chats.Store;

/// <summary>How session events are stored: System.Text.Json with the discriminators declared on <see cref="ChatEvent"/>.</summary>
public static class ChatJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static string Serialize(ChatEvent e) => JsonSerializer.Serialize(e, Options);

    public static ChatEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<ChatEvent>(json, Options) ?? throw new InvalidOperationException("An empty session event.");
}
