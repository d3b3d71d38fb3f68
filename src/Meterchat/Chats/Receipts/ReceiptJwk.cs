namespace Meterchat.Chats.Receipts;

/// <summary>A P-256 public key as a JSON Web Key: base64url coordinates.</summary>
public sealed record ReceiptJwk(string Kty, string Crv, string X, string Y, string Kid);
