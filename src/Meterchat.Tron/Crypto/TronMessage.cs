using Utf8 = System.Text.Encoding;
using Meterchat.Tron.Encoding;

namespace Meterchat.Tron.Crypto;

/// <summary>
/// TRON message signing (TronWeb <c>signMessageV2</c> / <c>verifyMessageV2</c>, the TIP-191 form):
/// keccak256("\x19TRON Signed Message:\n" + byte length + message), signed with the account key, 65 bytes r‖s‖v
/// with v = 27/28 as TronWeb writes it. Anyone can recover the signer's address from the message and the signature,
/// so a signed message shows who controls an address without moving funds.
/// </summary>
public static class TronMessage
{
    public const string Prefix = "\x19TRON Signed Message:\n";

    /// <summary>The 32-byte hash a wallet signs for <paramref name="message"/>.</summary>
    public static byte[] Hash(string message)
    {
        var body = Utf8.UTF8.GetBytes(message);
        var head = Utf8.UTF8.GetBytes(Prefix + body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Keccak256.Hash([.. head, .. body]);
    }

    /// <summary>The signature as 130 hex digits (r‖s‖v, v = 27/28).</summary>
    public static string Sign(string message, TronKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signature = key.Sign(Hash(message));
        signature[64] += 27;
        return Hex.ToHex(signature);
    }

    /// <summary>The address whose key signed <paramref name="message"/>; false with the reason when the signature is not one.</summary>
    public static bool TryRecoverSigner(string message, string? signatureHex, out TronAddress signer, out string? error)
    {
        signer = default;
        if (!Hex.TryParse(signatureHex?.Trim(), out var signature, out var hexError))
        {
            error = $"the signature is not hex: {hexError}";
            return false;
        }

        return TronSignature.TryRecoverSigner(Hash(message), signature, out signer, out error);
    }
}
