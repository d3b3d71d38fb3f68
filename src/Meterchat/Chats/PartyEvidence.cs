namespace Meterchat.Chats;

/// <summary>What the server currently knows about one party's link. Starts all false: no evidence, no billing.</summary>
/// <param name="HubConnected">The party's hub connection is joined to the session.</param>
/// <param name="HeartbeatFresh">The party's client reported within the heartbeat timeout.</param>
/// <param name="PeerConnected">The party reported its peer connection connected.</param>
/// <param name="ReceivingVideo">The party reported receiving the other party's video.</param>
/// <param name="RelayFlowing">The TURN relay shows this party's media flowing both ways (relay evidence only; a client cannot set it).</param>
public readonly record struct PartyEvidence(bool HubConnected, bool HeartbeatFresh, bool PeerConnected, bool ReceivingVideo, bool RelayFlowing = false)
{
    public static PartyEvidence None => default;

    /// <summary>Every link of the party is up (video aside).</summary>
    public bool Connected => HubConnected && HeartbeatFresh && PeerConnected;

    /// <summary>
    /// Client-reported media evidence older than a break in the link proves nothing about the link after it,
    /// so it is dropped and must be reported again. The relay's own evidence stays: only the relay changes it.
    /// </summary>
    public PartyEvidence WithoutMedia() => this with { PeerConnected = false, ReceivingVideo = false };
}
