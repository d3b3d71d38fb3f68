using Meterchat.Chats;
using Meterchat.Chats.Receipts;
using Meterchat.Chats.Store;

namespace Meterchat.Tests.Chats.Receipts;

/// <summary>Signed receipt files of scenario sessions, as the server builds them from the stored log.</summary>
internal static class ReceiptFixture
{
    public static readonly ReceiptKey Key = ReceiptKey.Generate();

    public static ReceiptFile Sign(Scenario s, ReceiptKey? key = null)
    {
        var stored = s.Session.Events.Select(ChatJson.Serialize).ToList();
        return SignedReceipts.Build(Guid.CreateVersion7(), "buyer", "seller", EventChain.Head(stored), stored, key ?? Key, s.Meter, s.Media);
    }

    /// <summary>The file as a party downloads it (JSON text) and reads it back: the verifier sees only the bytes.</summary>
    public static ReceiptFile RoundTrip(ReceiptFile file) => ReceiptFile.TryParse(file.ToJson(), out var problem) ?? throw new InvalidOperationException(problem);
}
