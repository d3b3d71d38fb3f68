namespace Meterchat.Chats;

/// <summary>
/// The result of applying one event. <see cref="Recorded"/> is the event as appended to the log
/// (its timestamp may have been clamped forward, see <see cref="ChatSession.Apply"/>); persist that one.
/// </summary>
public readonly record struct ApplyResult(ApplyOutcome Outcome, ChatEvent? Recorded, string? Reason)
{
    public bool IsApplied => Outcome == ApplyOutcome.Applied;

    internal static ApplyResult Applied(ChatEvent recorded) => new(ApplyOutcome.Applied, recorded, null);

    internal static ApplyResult Ignored(string reason) => new(ApplyOutcome.Ignored, null, reason);

    internal static ApplyResult Rejected(string reason) => new(ApplyOutcome.Rejected, null, reason);
}
