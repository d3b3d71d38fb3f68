namespace Meterchat.Chats;

/// <summary>
/// How long the buyer's money lasts in this session: what the UI shows as "minutes left" and what the clock
/// uses to schedule the warning. Times are null while the meter is not running.
/// </summary>
/// <param name="LastAffordableUnit">The last unit that fits both the wallet and the spending limit.</param>
/// <param name="LimitedBy">Which runs out first: BalanceExhausted or SpendingLimitReached (the limit on a tie).</param>
/// <param name="LiveTimeLeft">Live time until the first unit that does not fit is due (TimeSpan.MaxValue: effectively never).</param>
/// <param name="RunsOutAt">When that happens if the session stays live.</param>
/// <param name="WarnAt">When the warning becomes due if the session stays live (now, if it already is).</param>
/// <param name="WarningDue">Warn now: the time left is within MeterOptions.WarningSeconds and this exact
/// shortfall has not been warned about (a top-up moves the last affordable unit and re-arms the warning).</param>
public sealed record FundsOutlook(
    long LastAffordableUnit,
    EndReason LimitedBy,
    TimeSpan LiveTimeLeft,
    DateTimeOffset? RunsOutAt,
    DateTimeOffset? WarnAt,
    bool WarningDue)
{
    /// <summary>The event to append once the warning has been pushed to the buyer.</summary>
    public BuyerWarned Warned(DateTimeOffset at) => new(at, LimitedBy, LastAffordableUnit);
}
