using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Meterchat.Chats.Live;

/// <summary>coturn's use-auth-secret scheme: username "&lt;unix-expiry&gt;:&lt;session&gt;.&lt;role&gt;", password base64(HMAC-SHA1(secret, username)).</summary>
public static class TurnCredentials
{
    public static IceServer Mint(string secret, IReadOnlyList<string> urls, Guid sessionId, Party party, DateTimeOffset expires)
    {
        var username = string.Create(CultureInfo.InvariantCulture, $"{expires.ToUnixTimeSeconds()}:{sessionId}.{party.ToString().ToLowerInvariant()}");
#pragma warning disable CA5350 // coturn's REST API scheme is defined with HMAC-SHA1.
        var password = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(username)));
#pragma warning restore CA5350
        return new IceServer(urls, username, password);
    }

    public static IReadOnlyList<IceServer> For(ChatOptions options, Guid sessionId, Party party, DateTimeOffset now)
    {
        var servers = new List<IceServer>(options.IceServers);
        if (!string.IsNullOrEmpty(options.TurnSecret) && options.TurnUrls.Count > 0)
        {
            servers.Add(Mint(options.TurnSecret, options.TurnUrls, sessionId, party, now.AddMinutes(options.TurnCredentialMinutes)));
        }

        return servers;
    }
}
