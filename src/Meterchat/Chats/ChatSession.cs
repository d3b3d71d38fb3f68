using Meterchat.Ledger;

namespace Meterchat.Chats;

/// <summary>
/// One chat's state machine. Everything here is derived from the event log: <see cref="Apply"/> appends an
/// event only when it is legal and changes something, and <see cref="Replay"/> rebuilds the same session from
/// a stored log. No clock reads and no I/O: callers stamp events with their TimeProvider and persist
/// <see cref="ApplyResult.Recorded"/>.
/// </summary>
public sealed partial class ChatSession
{
    private readonly List<ChatEvent> _events = [];
    private readonly Meter _meter;
    private readonly IMediaEvidence _media;
    private readonly LiveTimeline _timeline = new();
    private DateTimeOffset? _connectDeadline;
    private DateTimeOffset? _reconnectDeadline;

    // While replaying a stored log, deadline checks that depend on today's options are skipped: the events
    // were checked when they were recorded, and an operator changing the grace must not break old logs.
    private bool _replaying;
    private bool _billingFaulted;

    private ChatSession(ChatRequested requested, Meter meter, IMediaEvidence media)
    {
        _meter = meter;
        _media = media;
        Terms = requested.Terms;
        RequestedAt = requested.At;
        LastEventAt = requested.At;
        _events.Add(requested);
    }

    public ChatTerms Terms { get; }

    /// <summary>The meter of this session's frozen terms: later option changes apply to new sessions only.</summary>
    public Meter Meter => _meter;

    public ChatState State { get; private set; } = ChatState.Requested;

    /// <summary>Why the session is over; null while it is not.</summary>
    public EndReason? EndReason { get; private set; }

    public bool IsOver => State is ChatState.Ended or ChatState.Declined or ChatState.Expired or ChatState.Failed;

    public IReadOnlyList<ChatEvent> Events => _events;

    public MediaEvidence Evidence { get; private set; } = MediaEvidence.None;

    public DateTimeOffset RequestedAt { get; }

    public DateTimeOffset LastEventAt { get; private set; }

    /// <summary>When the meter first ran.</summary>
    public DateTimeOffset? StartedAt => _timeline.FirstLiveAt;

    public DateTimeOffset? EndedAt { get; private set; }

    public long UnitsCharged { get; private set; }

    public Micros Charged => Terms.Split.Price * UnitsCharged;

    /// <summary>What the spending limit still allows; null without a limit.</summary>
    public Micros? SpendingLimitLeft => Terms.SpendingLimit is { } limit ? limit - Charged : null;

    public BuyerWarned? LastWarning { get; private set; }

    /// <summary>How many times the meter went from live to paused (drops and restarts).</summary>
    public int Pauses => _timeline.Pauses;

    /// <summary>The clock fails the session (<see cref="ConnectTimedOut"/>) at this time if media is not up by then.</summary>
    public DateTimeOffset? ConnectDeadline => State is ChatState.Accepted or ChatState.Connecting ? _connectDeadline : null;

    /// <summary>The clock ends a paused session (<see cref="ReconnectGraceExpired"/>) at this time.</summary>
    public DateTimeOffset? ReconnectDeadline => State == ChatState.Paused ? _reconnectDeadline : null;

    /// <summary>Billing ended because a unit did not fit: nothing more may be charged.</summary>
    public bool BillingStopped => _billingFaulted || EndReason is Chats.EndReason.BalanceExhausted or Chats.EndReason.SpendingLimitReached;

    /// <summary>
    /// Ended by a failure (an unclean drop never repaired, or a billing fault) before the terms' AutoRefundLiveSeconds
    /// of live time: the buyer gets everything back, so no further unit is charged either.
    /// </summary>
    public bool QualifiesForAutoRefund =>
        EndReason is Chats.EndReason.ConnectionLost or Chats.EndReason.BillingFault
        && _timeline.LiveTime(LastEventAt) < _meter.Options.AutoRefundLiveTime;

    /// <summary>The clock must refund <see cref="Charged"/> in full (ledger key refund:{session}).</summary>
    public bool RequiresAutoRefund => QualifiesForAutoRefund && UnitsCharged > 0;

    public TimeSpan LiveTime(DateTimeOffset now) => _timeline.LiveTime(now);

    public TimeSpan PausedTime(DateTimeOffset now) => _timeline.PausedTime(now);

    public long UnitsDue(DateTimeOffset now) => _meter.UnitsDue(LiveTime(now));

    /// <summary>Units due by <paramref name="now"/> and not yet charged; after the end these settle the last seconds.</summary>
    public long UnitsToCharge(DateTimeOffset now) =>
        BillingStopped || QualifiesForAutoRefund ? 0 : Math.Max(0, UnitsDue(now) - UnitsCharged);

    /// <summary>
    /// When the clock should next charge: <paramref name="now"/> if a unit is already due, the time the next
    /// unit falls due if the meter runs, otherwise null.
    /// </summary>
    public DateTimeOffset? NextUnitDueAt(DateTimeOffset now)
    {
        if (UnitsToCharge(now) > 0)
        {
            return now;
        }

        if (State != ChatState.Live || BillingStopped)
        {
            return null;
        }

        var wait = _meter.DueAt(UnitsCharged + 1) - LiveTime(now);
        return DateTimeOffset.MaxValue - now < wait ? null : now + wait;
    }

    /// <summary>
    /// Starts a session from the buyer's request. The meter's numbers not yet in the terms are frozen into them from
    /// <paramref name="meter"/> (persist <see cref="Events"/>[0], not <paramref name="requested"/>); from then on the
    /// session is metered by its terms alone, whatever the options become.
    /// </summary>
    public static ChatSession Request(ChatRequested requested, Meter meter, IMediaEvidence media)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(media);
        if (requested.Terms.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(requested));
        }

        var frozen = requested with { Terms = requested.Terms.FrozenFrom(meter.Options) };
        return new ChatSession(frozen, new Meter(frozen.Terms.MeterOptions(meter.Options)), media);
    }

    /// <summary>Rebuilds a session from its stored log; a log that does not replay cleanly is corrupt and throws.</summary>
    public static ChatSession Replay(IEnumerable<ChatEvent> log, Meter meter, IMediaEvidence media)
    {
        ArgumentNullException.ThrowIfNull(log);
        using var events = log.GetEnumerator();
        if (!events.MoveNext() || events.Current is not ChatRequested requested)
        {
            throw new InvalidOperationException("A session log starts with ChatRequested.");
        }

        // A log written before the meter's numbers were frozen replays with the numbers in force then, not today's.
        var session = Request(requested with { Terms = requested.Terms.FrozenFrom(ChatTerms.BeforeFrozenMeter) }, meter, media);
        session._replaying = true;
        for (var index = 1; events.MoveNext(); index++)
        {
            var result = session.Apply(events.Current);
            if (!result.IsApplied)
            {
                throw new InvalidOperationException(
                    $"Event {index} ({events.Current.GetType().Name}) of the session log was {result.Outcome}: {result.Reason}");
            }
        }

        session._replaying = false;
        return session;
    }

    /// <summary>
    /// Applies one event. An event stamped before the last one is clamped forward to it: a wall clock can step
    /// back (NTP) or differ between nodes, and the log must stay ordered so no interval is negative.
    /// </summary>
    public ApplyResult Apply(ChatEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.At < LastEventAt)
        {
            e = e with { At = LastEventAt };
        }

        var result = Decide(e);
        if (result.IsApplied)
        {
            _events.Add(e);
            LastEventAt = e.At;
        }

        return result;
    }
}
