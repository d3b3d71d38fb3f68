using System.Globalization;

namespace Meterchat.Chats.Relay;

/// <summary>
/// One coturn <c>redis-statsdb</c> traffic delta, as published on
/// <c>turn/realm/{realm}/user/{username}/allocation/{id}/traffic</c> with the payload
/// <c>rcvp=1024, rcvb=208896, sentp=1024, sentb=208896</c> (packets and bytes since the last delta: received from
/// the client, sent to the client). The username is the one <see cref="Live.TurnCredentials"/> minted:
/// <c>{unix-expiry}:{sessionId}.{buyer|seller}</c>. Other channels (<c>status</c>, <c>traffic/peer</c>,
/// <c>total_traffic</c>) and other users are not deltas of ours: <see cref="TryParse"/> says false.
/// </summary>
public readonly record struct CoturnTraffic(Guid SessionId, Party Party, long ReceivedBytes, long SentBytes)
{
    public const string ChannelPattern = "turn/realm/*/user/*/allocation/*/traffic";

    /// <summary>Media went both ways through this party's allocation: the party sends and receives.</summary>
    public bool BothWays => ReceivedBytes > 0 && SentBytes > 0;

    public static bool TryParse(string channel, string payload, out CoturnTraffic traffic)
    {
        traffic = default;
        var parts = channel.Split('/');
        if (parts.Length != 8 || parts[0] != "turn" || parts[1] != "realm" || parts[3] != "user" || parts[5] != "allocation" || parts[7] != "traffic")
        {
            return false;
        }

        if (!TryParseUser(parts[4], out var sessionId, out var party))
        {
            return false;
        }

        long? received = null, sent = null;
        foreach (var field in payload.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = field.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !long.TryParse(field.AsSpan(eq + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            switch (field[..eq])
            {
                case "rcvb":
                    received = value;
                    break;
                case "sentb":
                    sent = value;
                    break;
            }
        }

        if (received is not { } r || sent is not { } s)
        {
            return false;
        }

        traffic = new CoturnTraffic(sessionId, party, r, s);
        return true;
    }

    /// <summary>"{expiry}:{sessionId}.{role}" → the session and the party.</summary>
    public static bool TryParseUser(string username, out Guid sessionId, out Party party)
    {
        sessionId = default;
        party = default;
        var colon = username.IndexOf(':', StringComparison.Ordinal);
        var dot = username.LastIndexOf('.');
        if (colon < 0 || dot < colon || !Guid.TryParse(username.AsSpan(colon + 1, dot - colon - 1), out sessionId))
        {
            return false;
        }

        switch (username[(dot + 1)..])
        {
            case "buyer":
                party = Party.Buyer;
                return true;
            case "seller":
                party = Party.Seller;
                return true;
            default:
                return false;
        }
    }
}
