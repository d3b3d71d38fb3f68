using System.Text.Json.Serialization;

namespace Meterchat.Chats;

/// <summary>
/// One fact in a session's log, stamped with the server's time. The session's state, live time and units
/// are derived from the log alone, so replaying a stored log after a restart rebuilds the same session.
/// The discriminators are the stored names: never rename one.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ChatRequested), "requested")]
[JsonDerivedType(typeof(ChatAccepted), "accepted")]
[JsonDerivedType(typeof(ChatDeclined), "declined")]
[JsonDerivedType(typeof(RequestExpired), "request-expired")]
[JsonDerivedType(typeof(RequestCancelled), "request-cancelled")]
[JsonDerivedType(typeof(PartyConnected), "party-connected")]
[JsonDerivedType(typeof(PartyDisconnected), "party-disconnected")]
[JsonDerivedType(typeof(HeartbeatLost), "heartbeat-lost")]
[JsonDerivedType(typeof(MediaReported), "media-reported")]
[JsonDerivedType(typeof(ConnectTimedOut), "connect-timed-out")]
[JsonDerivedType(typeof(ReconnectGraceExpired), "reconnect-grace-expired")]
[JsonDerivedType(typeof(PartyLeft), "party-left")]
[JsonDerivedType(typeof(UnitCharged), "unit-charged")]
[JsonDerivedType(typeof(UnitRefused), "unit-refused")]
[JsonDerivedType(typeof(BuyerWarned), "buyer-warned")]
[JsonDerivedType(typeof(PartyBanned), "party-banned")]
[JsonDerivedType(typeof(BuyerBlocked), "buyer-blocked")]
[JsonDerivedType(typeof(ServerRecovered), "server-recovered")]
[JsonDerivedType(typeof(RelayTraffic), "relay-traffic")]
public abstract record ChatEvent(DateTimeOffset At);
