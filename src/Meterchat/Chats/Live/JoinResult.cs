namespace Meterchat.Chats.Live;

/// <summary>What a party gets on joining: its role, the ICE servers, whether the other party is here, and the state.</summary>
public sealed record JoinResult(string Role, IReadOnlyList<IceServer> IceServers, bool PeerPresent, ChatStatus Status);
