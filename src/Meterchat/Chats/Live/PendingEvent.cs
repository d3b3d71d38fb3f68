namespace Meterchat.Chats.Live;

/// <summary>
/// A party's event waiting for the sessions' gate. Whoever holds the gate next takes every waiting event and applies
/// them in one batch (<see cref="LiveSessions"/>); the caller then finds its own applied. A caller that gives up before
/// its event was taken withdraws it.
/// </summary>
internal sealed class PendingEvent(Guid sessionId, ChatEvent e, Party? statusFor)
{
    private const int Waiting = 0, Taken = 1, Withdrawn = 2;

    private readonly TaskCompletionSource<(LiveSession? Live, string? Owner, ChatStatus? Status)> _done =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _state;

    public Guid SessionId { get; } = sessionId;

    public ChatEvent Event { get; } = e;

    /// <summary>The party whose view is wanted back once applied (a join), computed under the same hold of the gate.</summary>
    public Party? StatusFor { get; } = statusFor;

    /// <summary>The session after the event (null when not open here), the node driving it instead, the party's view.</summary>
    public Task<(LiveSession? Live, string? Owner, ChatStatus? Status)> Done => _done.Task;

    public bool IsTaken => Volatile.Read(ref _state) == Taken;

    /// <summary>Claims the event for a batch; false when its caller withdrew it.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Waiting) == Waiting;

    /// <summary>The caller gives up; false when a batch already took the event (it will be applied).</summary>
    public bool TryWithdraw() => Interlocked.CompareExchange(ref _state, Withdrawn, Waiting) == Waiting;

    public void Complete(LiveSession? live, string? owner, ChatStatus? status) => _done.TrySetResult((live, owner, status));

    public void Fail(Exception e) => _done.TrySetException(e);
}
