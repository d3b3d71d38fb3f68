using System.Security.Cryptography;
using System.Text;

namespace Meterchat.Reserves;

/// <summary>
/// Per-user salts: HMAC-SHA256(snapshot secret, account id). The secret is random per snapshot and never leaves the
/// server, so a proof holder, who sees only their own salt and sibling hashes, cannot test guesses of other users' ids
/// or balances against those hashes; and salts of one snapshot say nothing about the next.
/// </summary>
public static class LeafSalt
{
    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(32);

    public static byte[] For(ReadOnlySpan<byte> secret, string accountId) =>
        HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(accountId));
}
