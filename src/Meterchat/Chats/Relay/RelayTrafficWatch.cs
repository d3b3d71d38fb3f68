namespace Meterchat.Chats.Relay;

/// <summary>
/// When each party's relay allocation last showed media both ways, in memory. coturn publishes a delta every
/// couple of thousand packets (a few seconds of video), so a party counts as flowing until the window passes
/// without one; then it is returned once by <see cref="TakeExpired"/> with the time of its last delta, which the
/// pause is backdated to. Touched only by <see cref="RelayTrafficSubscriber"/> under its lock.
/// </summary>
public sealed class RelayTrafficWatch
{
    private readonly TimeSpan _window;
    private readonly Dictionary<(Guid Session, Party Party), DateTimeOffset> _lastSeen = [];

    public RelayTrafficWatch(TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _window = window;
    }

    public int Count => _lastSeen.Count;

    /// <summary>
    /// Records a delta. Returns the event to apply: flowing when the delta went both ways, otherwise null (a
    /// one-way delta proves no conversation and does not refresh the window).
    /// </summary>
    public RelayTraffic? Observe(CoturnTraffic traffic, DateTimeOffset now)
    {
        if (!traffic.BothWays)
        {
            return null;
        }

        _lastSeen[(traffic.SessionId, traffic.Party)] = now;
        return new RelayTraffic(now, traffic.Party, Flowing: true);
    }

    /// <summary>The parties whose last two-way delta is the window old or older, each once, as stop events.</summary>
    public IReadOnlyList<(Guid SessionId, RelayTraffic Stop)> TakeExpired(DateTimeOffset now)
    {
        var expired = new List<(Guid, RelayTraffic)>();
        foreach (var ((session, party), last) in _lastSeen)
        {
            if (now - last >= _window)
            {
                expired.Add((session, new RelayTraffic(now, party, Flowing: false, LastSeen: last)));
            }
        }

        foreach (var (session, stop) in expired)
        {
            _lastSeen.Remove((session, stop.Party));
        }

        return expired;
    }
}
