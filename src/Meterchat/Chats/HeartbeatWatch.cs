namespace Meterchat.Chats;

/// <summary>
/// Tracks the clients' reports in memory for the clock, which appends <see cref="HeartbeatLost"/> for each
/// overdue party. Heartbeats are not logged (one every 2 s per party would swamp the log); only the loss is.
/// After a restart the watch starts empty, which is safe: sessions resume paused and clients rejoin.
/// </summary>
public sealed class HeartbeatWatch
{
    private readonly TimeSpan _timeout;
    private DateTimeOffset? _buyer;
    private DateTimeOffset? _seller;

    public HeartbeatWatch(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _timeout = timeout;
    }

    /// <summary>When the next party falls overdue if nothing arrives; null when nobody is watched.</summary>
    public DateTimeOffset? NextDeadline =>
        (_buyer, _seller) switch
        {
            ({ } b, { } s) => (b < s ? b : s) + _timeout,
            ({ } b, null) => b + _timeout,
            (null, { } s) => s + _timeout,
            _ => null,
        };

    /// <summary>Every report (and join) beats; a drop or leave stops the party's watch; other events change nothing.</summary>
    public void Observe(ChatEvent e)
    {
        switch (e)
        {
            case MediaReported m:
                Beat(m.Party, m.At);
                break;
            case PartyConnected c:
                Beat(c.Party, c.At);
                break;
            case PartyDisconnected d:
                Forget(d.Party);
                break;
            case PartyLeft l:
                Forget(l.Party);
                break;
        }
    }

    /// <summary>A report (or a join) arrived from the party.</summary>
    public void Beat(Party party, DateTimeOffset at) => Set(party, at);

    /// <summary>Stop watching the party (it left or its connection dropped: that event already says so).</summary>
    public void Forget(Party party) => Set(party, null);

    /// <summary>The parties silent for the timeout or longer; each is returned once, until it beats again.</summary>
    public IReadOnlyList<Party> TakeOverdue(DateTimeOffset now) => TakeLost(now).Select(l => l.Party).ToList();

    /// <summary>
    /// A <see cref="HeartbeatLost"/> at <paramref name="now"/> for each party silent for the timeout or longer, with
    /// its last beat (the pause is backdated to it); each is returned once, until it beats again.
    /// </summary>
    public IReadOnlyList<HeartbeatLost> TakeLost(DateTimeOffset now)
    {
        var lost = new List<HeartbeatLost>(2);
        foreach (var party in (ReadOnlySpan<Party>)[Party.Buyer, Party.Seller])
        {
            if (Get(party) is { } last && now - last >= _timeout)
            {
                lost.Add(new HeartbeatLost(now, party, last));
                Set(party, null);
            }
        }

        return lost;
    }

    private DateTimeOffset? Get(Party party) => party == Party.Buyer ? _buyer : _seller;

    private void Set(Party party, DateTimeOffset? at)
    {
        if (party == Party.Buyer)
        {
            _buyer = at;
        }
        else
        {
            _seller = at;
        }
    }
}
