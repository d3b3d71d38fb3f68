namespace Meterchat.Chats.Receipts;

/// <summary>
/// A receipt key's public half as published at /.well-known/meterchat-receipts.json and embedded in each receipt file.
/// <see cref="KeyId"/> is the first 16 hex digits of SHA-256 over the SubjectPublicKeyInfo DER (<see cref="PublicKey"/>).
/// </summary>
/// <param name="KeyId">Names the key in receipts.</param>
/// <param name="Algorithm">Always "ES256": ECDSA over P-256 with SHA-256, signature as r ‖ s (64 bytes, IEEE P1363).</param>
/// <param name="PublicKey">Base64 SubjectPublicKeyInfo DER.</param>
/// <param name="Jwk">The same key as a JSON Web Key (RFC 7517) for other verifiers.</param>
public sealed record ReceiptPublicKey(string KeyId, string Algorithm, string PublicKey, ReceiptJwk Jwk);
