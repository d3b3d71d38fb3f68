using System.Security.Cryptography;
using System.Text;

namespace Meterchat.Ledger;

/// <summary>A hash of what a transfer moves, so a replayed key with other content is refused rather than silently accepted.</summary>
internal static class TransferFingerprint
{
    public static string Of(TransferRequest request)
    {
        var text = new StringBuilder().Append((int)request.Kind).Append('|');
        foreach (var leg in request.Legs.OrderBy(l => l.Account.Code, StringComparer.Ordinal))
        {
            text.Append(leg.Account.Code).Append('=').Append(leg.Amount.Value).Append(';');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
