namespace Meterchat.Chats;

/// <summary>
/// What the TURN relay says about one party's allocation (Chat:Evidence=Relay, see docs/billing.md): media flows
/// through it in both directions (<paramref name="Flowing"/> true, on a coturn traffic delta), or no such delta came
/// within the window (false). A stop is logged when it is noticed and pauses the meter as of
/// <paramref name="LastSeen"/>, the last delta that showed traffic.
/// </summary>
public sealed record RelayTraffic(DateTimeOffset At, Party Party, bool Flowing, DateTimeOffset? LastSeen = null) : ChatEvent(At);
