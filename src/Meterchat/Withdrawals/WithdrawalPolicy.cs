using Meterchat.Ledger;
using Meterchat.Web;

namespace Meterchat.Withdrawals;

/// <summary>
/// The rules of a withdrawal request, pure (no database, no web): the credentials hold, the minimum, the new-address
/// cooldown, the 24-hour limit, the fees, and the auto threshold that sends a request to review. The request use
/// case (<see cref="WithdrawalRequests"/>) gathers the facts and asks; the refusals are the endpoints' problem types.
/// </summary>
public static class WithdrawalPolicy
{
    /// <summary>How long withdrawals wait after the email or password changed: a thief's first move is to change them.</summary>
    public static readonly TimeSpan CredentialsHold = TimeSpan.FromHours(24);

    /// <summary>Refused while the credentials changed less than <see cref="CredentialsHold"/> ago.</summary>
    public static Problem? CheckCredentials(DateTimeOffset? credentialsChangedAt, DateTimeOffset now) =>
        credentialsChangedAt is { } changed && changed + CredentialsHold > now
            ? WithdrawalProblems.Of(WithdrawalProblems.CredentialsChanged, 409, "Withdrawals on hold",
                $"Your email or password changed recently: for your safety withdrawals are possible again from {changed + CredentialsHold:yyyy-MM-dd HH:mm} UTC.")
            : null;

    /// <summary>Refused below the minimum (which exceeds the fees, so a withdrawal always delivers something).</summary>
    public static Problem? CheckAmount(WithdrawalsOptions o, Micros amount) =>
        amount < o.MinimumMicros
            ? WithdrawalProblems.Of(WithdrawalProblems.BelowMinimum, 400, "Below the minimum",
                $"The minimum withdrawal is {o.MinimumMicros.ToUsdtString()} USDT ({o.MinimumMicros.ToTokensString()} tokens).")
            : null;

    /// <summary>
    /// All the rules in the order a seller meets them: the minimum, the address's cooldown, the 24-hour limit; then
    /// the terms (fees and net). The use case asks <see cref="CheckAmount"/> early too, before a new address is saved.
    /// </summary>
    public static (WithdrawalTerms? Terms, Problem? Error) Check(WithdrawalsOptions o, WithdrawalFacts f)
    {
        if (CheckAmount(o, f.Amount) is { } belowMinimum)
        {
            return (null, belowMinimum);
        }

        if (f.AddressUsableAt > f.Now)
        {
            return (null, WithdrawalProblems.Of(WithdrawalProblems.AddressCooling, 409, "New address cooling down",
                $"{f.Address} was added to your payout addresses; for your safety a new address can be used from {f.AddressUsableAt:yyyy-MM-dd HH:mm} UTC."));
        }

        if (f.UsedLastDay + f.Amount > o.DailyLimitMicros)
        {
            var left = o.DailyLimitMicros - f.UsedLastDay;
            return (null, WithdrawalProblems.Of(WithdrawalProblems.DailyLimit, 409, "Daily limit reached",
                $"You can withdraw up to {o.DailyLimitMicros.ToUsdtString()} USDT per 24 hours; {(left.IsNegative ? Micros.Zero : left).ToUsdtString()} USDT left now."));
        }

        return (new WithdrawalTerms(f.Amount, o.PlatformFeeMicros, o.NetworkFeeMicros, f.Amount - o.Fees), null);
    }

    /// <summary>Why the request goes to an admin (the auto threshold first, then the risk flags), or null: straight to the sender.</summary>
    public static string? ReviewReason(WithdrawalsOptions o, Micros amount, IReadOnlyList<string> riskFlags)
    {
        IReadOnlyList<string> reasons = amount > o.AutoThresholdMicros
            ? [$"above auto threshold {o.AutoThresholdMicros.ToUsdtString()} USDT", .. riskFlags]
            : riskFlags;
        return reasons.Count > 0 ? string.Join(", ", reasons) : null;
    }
}
