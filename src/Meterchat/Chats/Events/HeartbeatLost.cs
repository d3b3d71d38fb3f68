namespace Meterchat.Chats;

/// <summary>
/// The party's client sent no report for MeterOptions.HeartbeatTimeoutSeconds (see <see cref="HeartbeatWatch"/>).
/// The clock appends it when it notices, so the pause starts then; the party's next report restores it.
/// </summary>
public sealed record HeartbeatLost(DateTimeOffset At, Party Party) : ChatEvent(At);
