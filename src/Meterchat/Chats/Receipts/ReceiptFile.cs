using System.Text.Json;

namespace Meterchat.Chats.Receipts;

/// <summary>
/// "Receipt + event log" as one JSON file (docs/receipts.md): the signed <see cref="Receipt"/>, its
/// <see cref="Signature"/> (base64 ES256 over <see cref="ReceiptBody.Canonical"/>), the public key that signed it, and
/// the log. <see cref="Events"/> is null once the retention job purged the log: the signature still stands.
/// </summary>
public sealed record ReceiptFile(
    string Format,
    ReceiptBody Receipt,
    string KeyId,
    string Signature,
    ReceiptPublicKey PublicKey,
    IReadOnlyList<ReceiptFileEvent>? Events)
{
    public const string CurrentFormat = "meterchat-receipt/1";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a receipt file; null with a reason when it is not one.</summary>
    public static ReceiptFile? TryParse(string json, out string? problem)
    {
        try
        {
            var file = JsonSerializer.Deserialize<ReceiptFile>(json, Json);
            problem = file is null || file.Receipt is null || file.PublicKey is null || file.Signature is null
                ? "The file is not a Meterchat receipt (receipt, signature or publicKey missing)."
                : file.Format != CurrentFormat ? $"Unknown receipt format \"{file.Format}\" (expected {CurrentFormat})."
                : null;
            return problem is null ? file : null;
        }
        catch (JsonException e)
        {
            problem = $"The file is not valid receipt JSON: {e.Message}";
            return null;
        }
    }
}
