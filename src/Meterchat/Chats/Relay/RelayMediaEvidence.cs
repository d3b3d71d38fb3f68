namespace Meterchat.Chats.Relay;

/// <summary>
/// Chat:Evidence=Relay: the meter runs only while both parties' hub connections are joined AND the TURN relay
/// shows each party's media flowing both ways within the window (<see cref="RelayTraffic"/>). The clients'
/// own reports (peer connected, receiving video, heartbeats) are ignored: a client that claims "not receiving"
/// while the relay carries its traffic keeps being billed. A hub disconnect, Leave or End still count.
/// </summary>
public sealed class RelayMediaEvidence : IMediaEvidence
{
    public bool ShouldBeLive(MediaEvidence evidence, bool isLive) =>
        evidence.Buyer is { HubConnected: true, RelayFlowing: true } && evidence.Seller is { HubConnected: true, RelayFlowing: true };
}
