namespace Meterchat.Chats;

/// <summary>
/// The party's client sent no report for MeterOptions.HeartbeatTimeoutSeconds (see <see cref="HeartbeatWatch"/>).
/// The clock appends it when it notices; the pause is backdated to <paramref name="LastSeen"/>, the party's last
/// report (never past a charged unit), so the silent seconds are not billed. Logs from before it was recorded
/// have no LastSeen: those pauses start at the event. The party's next report restores it.
/// </summary>
public sealed record HeartbeatLost(DateTimeOffset At, Party Party, DateTimeOffset? LastSeen = null) : ChatEvent(At);
