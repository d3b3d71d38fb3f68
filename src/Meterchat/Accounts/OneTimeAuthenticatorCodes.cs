using System.Buffers.Binary;
using System.Security.Cryptography;
using Meterchat.Data;
using Microsoft.AspNetCore.Identity;

namespace Meterchat.Accounts;

/// <summary>
/// Identity's authenticator provider with two changes: a code is accepted once only (the user's last accepted time step
/// is kept, RFC 6238 §5.2, so an overheard code neither signs in again nor approves a second withdrawal), and time is
/// the injected <see cref="TimeProvider"/>. Codes of the previous and the next step are still accepted (clock drift).
/// Saving the step goes through the user's concurrency stamp, so two requests racing with one code cannot both win.
/// </summary>
public sealed class OneTimeAuthenticatorCodes(TimeProvider time) : AuthenticatorTokenProvider<AppUser>
{
    private const int Drift = 1;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !int.TryParse(token, out var code) || FromBase32(key) is not { } secret)
        {
            return false;
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds() / 30;
        for (var step = now - Drift; step <= now + Drift; step++)
        {
            if (step <= (user.LastTotpStep ?? long.MinValue) || Compute(secret, step) != code)
            {
                continue;
            }

            user.LastTotpStep = step;
            return (await manager.UpdateAsync(user)).Succeeded;
        }

        return false;
    }

    private static int Compute(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return binary % 1_000_000;
    }

    private static byte[]? FromBase32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is '=' or ' ')
            {
                continue;
            }

            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. output];
    }
}
