namespace Meterchat.Chats.Live;

/// <summary>
/// What a party gets on joining: its role, the ICE servers, whether the other party is here, and the state.
/// <paramref name="IceTransportPolicy"/> is "relay" in relay-evidence mode (media must cross the TURN relay), else "all".
/// </summary>
public sealed record JoinResult(string Role, IReadOnlyList<IceServer> IceServers, bool PeerPresent, ChatStatus Status, string IceTransportPolicy = "all");
