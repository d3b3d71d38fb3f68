namespace Meterchat.Chats;

/// <summary>
/// The buyer was told the money runs out soon. Logged so a restart does not warn twice and a dispute
/// can see it; <paramref name="LastAffordableUnit"/> tells a new warning apart after a top-up.
/// </summary>
public sealed record BuyerWarned(DateTimeOffset At, EndReason Reason, long LastAffordableUnit) : ChatEvent(At);
