namespace Meterchat.Chats.Receipts;

/// <summary>The platform receipt key (section "Receipts"): ECDSA P-256, as PEM (PKCS#8 or SEC1) or base64 PKCS#8 DER.</summary>
public sealed class ReceiptOptions
{
    public const string Section = "Receipts";

    /// <summary>The private key itself. A secret: from a secret store or environment variable, never a checked-in file.</summary>
    public string? SigningKey { get; set; }

    /// <summary>A file holding the private key, instead of <see cref="SigningKey"/>.</summary>
    public string? SigningKeyFile { get; set; }
}
