using Meterchat.Ledger;

namespace Meterchat.Chats;

/// <summary>
/// The unit arithmetic. A unit is <see cref="MeterOptions.UnitSeconds"/> of live time; unit k is due when
/// live time reaches k units minus half a unit (6k − 3 s), so a session bills round-half-up(live / unit)
/// units as it goes, with no final adjustment. Pure: "now" and balances are passed in.
/// </summary>
public sealed class Meter
{
    private readonly long _unitTicks;
    private readonly long _halfUnitTicks;

    public Meter(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _unitTicks = options.UnitLength.Ticks;
        _halfUnitTicks = _unitTicks / 2;
    }

    public MeterOptions Options { get; }

    /// <summary>How many units a session with this much live time owes in total.</summary>
    public long UnitsDue(TimeSpan liveTime) =>
        liveTime <= TimeSpan.Zero ? 0 : (liveTime.Ticks + _halfUnitTicks) / _unitTicks;

    /// <summary>The live time at which unit number <paramref name="unit"/> (1-based) becomes due.</summary>
    public TimeSpan DueAt(long unit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(unit, 1);

        // Beyond TimeSpan's range a unit is never due; saturate instead of overflowing.
        return unit > TimeSpan.MaxValue.Ticks / _unitTicks
            ? TimeSpan.MaxValue
            : TimeSpan.FromTicks((unit * _unitTicks) - _halfUnitTicks);
    }

    /// <summary>
    /// Which units to charge now, in order, and where billing must stop: the first due unit that would go over
    /// the spending limit (checked first: it is the buyer's own cap) or the wallet ends the session.
    /// The ledger's guarded transfer stays the last word on the balance; this plan only avoids doomed attempts.
    /// <paramref name="walletBalance"/> is the buyer's wallet now, before these units.
    /// </summary>
    public ChargePlan Plan(ChatSession session, DateTimeOffset now, Micros walletBalance)
    {
        ArgumentNullException.ThrowIfNull(session);
        var split = session.Terms.Split;
        var pending = session.UnitsToCharge(now);
        var byLimit = UnitsWithin(session.SpendingLimitLeft, split.Price);
        var byBalance = UnitsWithin(walletBalance, split.Price);
        var fit = Math.Min(pending, Math.Min(byLimit, byBalance));
        var first = session.UnitsCharged + 1;

        // An ended session only settles what fits: there is nothing left to end.
        return fit == pending || session.IsOver
            ? new ChargePlan(first, fit, split, null, null)
            : new ChargePlan(first, fit, split, first + fit, byLimit <= byBalance ? EndReason.SpendingLimitReached : EndReason.BalanceExhausted);
    }

    /// <summary>
    /// How long the money lasts at the session's rate, and whether the buyer must be warned now. Counts from
    /// the units already charged, so <paramref name="walletBalance"/> is the balance after them.
    /// </summary>
    public FundsOutlook Outlook(ChatSession session, DateTimeOffset now, Micros walletBalance)
    {
        ArgumentNullException.ThrowIfNull(session);
        var price = session.Terms.Split.Price;
        var byLimit = UnitsWithin(session.SpendingLimitLeft, price);
        var byBalance = UnitsWithin(walletBalance, price);
        var limitedBy = byLimit <= byBalance ? EndReason.SpendingLimitReached : EndReason.BalanceExhausted;
        var lastAffordable = session.UnitsCharged + Math.Min(byLimit, byBalance);
        var runsOutAtLive = DueAt(lastAffordable + 1);
        var liveTime = session.LiveTime(now);
        var left = runsOutAtLive > liveTime ? runsOutAtLive - liveTime : TimeSpan.Zero;
        var warning = Options.Warning;

        if (session.State != ChatState.Live)
        {
            // The meter is not running, so nothing runs out and no warning is due until it runs again.
            return new FundsOutlook(lastAffordable, limitedBy, left, null, null, false);
        }

        var alreadyWarned = session.LastWarning is { } w && w.Reason == limitedBy && w.LastAffordableUnit == lastAffordable;
        return new FundsOutlook(
            lastAffordable,
            limitedBy,
            left,
            Later(now, left),
            Later(now, left > warning ? left - warning : TimeSpan.Zero),
            left <= warning && !alreadyWarned);
    }

    private static long UnitsWithin(Micros? money, Micros price) =>
        money is not { } m ? long.MaxValue : m.IsPositive ? m.Value / price.Value : 0;

    private static DateTimeOffset? Later(DateTimeOffset now, TimeSpan by) =>
        by == TimeSpan.MaxValue || DateTimeOffset.MaxValue - now < by ? null : now + by;
}
