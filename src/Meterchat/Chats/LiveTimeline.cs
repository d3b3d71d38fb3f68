namespace Meterchat.Chats;

/// <summary>
/// The live and paused intervals of a session. Live time is the sum of the live intervals; only it is billed.
/// Paused intervals are kept for the receipt.
/// </summary>
internal sealed class LiveTimeline
{
    private TimeSpan _liveBefore;
    private TimeSpan _pausedBefore;
    private DateTimeOffset? _liveSince;
    private DateTimeOffset? _pausedSince;

    public DateTimeOffset? FirstLiveAt { get; private set; }

    public int Pauses { get; private set; }

    public void GoLive(DateTimeOffset at)
    {
        ClosePause(at);
        _liveSince = at;
        FirstLiveAt ??= at;
    }

    /// <summary>
    /// Closes the live interval at <paramref name="liveUntil"/>, which a restart or a late-noticed relay stop sets
    /// before "now"; never before the interval began.
    /// </summary>
    public void Pause(DateTimeOffset liveUntil)
    {
        if (liveUntil < _liveSince!.Value)
        {
            liveUntil = _liveSince.Value;
        }

        _liveBefore += liveUntil - _liveSince!.Value;
        _liveSince = null;
        _pausedSince = liveUntil;
        Pauses++;
    }

    public void Stop(DateTimeOffset at)
    {
        if (_liveSince is { } since)
        {
            _liveBefore += at - since;
            _liveSince = null;
        }

        ClosePause(at);
    }

    public TimeSpan LiveTime(DateTimeOffset now) => _liveBefore + Since(_liveSince, now);

    public TimeSpan PausedTime(DateTimeOffset now) => _pausedBefore + Since(_pausedSince, now);

    private void ClosePause(DateTimeOffset at)
    {
        _pausedBefore += Since(_pausedSince, at);
        _pausedSince = null;
    }

    // A "now" read before the interval began (a caller's stale timestamp) adds nothing rather than subtracting.
    private static TimeSpan Since(DateTimeOffset? start, DateTimeOffset now) =>
        start is { } s && now > s ? now - s : TimeSpan.Zero;
}
