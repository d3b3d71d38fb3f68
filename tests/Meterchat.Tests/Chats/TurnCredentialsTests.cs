using Meterchat.Chats;
using Meterchat.Chats.Live;

namespace Meterchat.Tests.Chats;

public sealed class TurnCredentialsTests
{
    [Fact]
    public void Credentials_follow_coturns_use_auth_secret_scheme()
    {
        var session = Guid.Parse("0197a3c4-0000-7000-8000-000000000001");
        var server = TurnCredentials.Mint("turn-secret", ["turn:turn.example:3478"], session, Party.Buyer, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

        Assert.Equal("1700000000:0197a3c4-0000-7000-8000-000000000001.buyer", server.Username);
        Assert.Equal("iUxDK2oXcUUubw3alhF8N1uqTzE=", server.Credential); // base64(HMAC-SHA1(secret, username)), computed independently
    }

    [Fact]
    public void Without_a_secret_only_the_configured_servers_are_returned()
    {
        var options = new ChatOptions { IceServers = [new IceServer(["stun:stun.example:3478"])], TurnUrls = ["turn:turn.example:3478"] };

        var servers = TurnCredentials.For(options, Guid.NewGuid(), Party.Seller, DateTimeOffset.UnixEpoch);

        Assert.Single(servers);
        Assert.Null(servers[0].Credential);
    }
}
