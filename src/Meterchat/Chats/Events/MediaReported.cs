namespace Meterchat.Chats;

/// <summary>
/// A party's client report (sent every 2 s, it doubles as the heartbeat). Only reports that change the
/// evidence are logged; a repeat is ignored.
/// </summary>
/// <param name="PeerConnected">The party's WebRTC peer connection is connected.</param>
/// <param name="ReceivingVideo">The party is receiving the other party's video (so the other's camera is on).</param>
public sealed record MediaReported(DateTimeOffset At, Party Party, bool PeerConnected, bool ReceivingVideo) : ChatEvent(At);
