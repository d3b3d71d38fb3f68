namespace Meterchat.Chats.Live;

/// <summary>
/// Events that stop the meter (End, Leave, a drop) are billed as of when they arrived. The hub stamps an event and
/// then waits for the sessions' gate; if a tick holds the gate meanwhile, it must not charge a unit that falls due
/// after that stamp. So <see cref="LiveSessions"/> notes an arriving stop here before the wait, and the clock charges
/// such a session only up to the earliest stop still waiting (and stamps those units then, so the stop is not moved
/// past them).
/// </summary>
public sealed class ArrivingStops
{
    private readonly Dictionary<Guid, (DateTimeOffset Earliest, int Waiting)> _arriving = [];

    /// <summary>Whether this event stops or pauses the meter, so no unit due after it may be charged.</summary>
    private static bool StopsMeter(ChatEvent e) =>
        e is PartyLeft or PartyDisconnected or PartyBanned or BuyerBlocked or MediaReported { PeerConnected: false };

    /// <summary>Notes a stop on its way to the gate; the returned token (or null) goes to <see cref="Arrived"/>.</summary>
    public Guid? Arriving(Guid sessionId, ChatEvent e)
    {
        if (!StopsMeter(e))
        {
            return null;
        }

        lock (_arriving)
        {
            _arriving[sessionId] = _arriving.TryGetValue(sessionId, out var a)
                ? (a.Earliest < e.At ? a.Earliest : e.At, a.Waiting + 1)
                : (e.At, 1);
        }

        return sessionId;
    }

    /// <summary>The stop went through the gate (applied, ignored or forwarded).</summary>
    public void Arrived(Guid? sessionId)
    {
        if (sessionId is not { } id)
        {
            return;
        }

        lock (_arriving)
        {
            if (_arriving.TryGetValue(id, out var a))
            {
                if (a.Waiting <= 1)
                {
                    _arriving.Remove(id);
                }
                else
                {
                    _arriving[id] = (a.Earliest, a.Waiting - 1);
                }
            }
        }
    }

    /// <summary>The time a tick at <paramref name="now"/> charges this session up to: now, or an earlier waiting stop.</summary>
    public DateTimeOffset ChargeUntil(Guid sessionId, DateTimeOffset now)
    {
        lock (_arriving)
        {
            return _arriving.TryGetValue(sessionId, out var a) && a.Earliest < now ? a.Earliest : now;
        }
    }
}
