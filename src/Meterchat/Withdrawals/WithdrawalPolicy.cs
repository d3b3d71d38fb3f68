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
    public static Problem? CheckAmount(WithdrawalsOptions o, Micros amount) => CheckAmount(o.MinimumMicros, amount);

    /// <summary>Refused below the network's minimum (each network has its own: an Ethereum transfer costs more gas).</summary>
    public static Problem? CheckAmount(Micros minimum, Micros amount) =>
        amount < minimum
            ? WithdrawalProblems.Of(WithdrawalProblems.BelowMinimum, 400, "Below the minimum",
                $"The minimum withdrawal is {minimum.ToUsdtString()} USDT ({minimum.ToTokensString()} tokens).")
            : null;

    /// <summary>
    /// All the rules in the order a seller meets them: the minimum, the address's cooldown, the 24-hour limit; then
    /// the terms (fees and net). The use case asks <see cref="CheckAmount"/> early too, before a new address is saved.
    /// </summary>
    public static (WithdrawalTerms? Terms, Problem? Error) Check(WithdrawalsOptions o, WithdrawalFacts f) =>
        Check(o, f, o.MinimumMicros, o.NetworkFeeMicros);

    /// <summary>
    /// <see cref="Check(WithdrawalsOptions, WithdrawalFacts)"/> for a network with its own minimum and network fee
    /// (Ethereum's fee is estimated per request); the fees must leave something to arrive.
    /// </summary>
    public static (WithdrawalTerms? Terms, Problem? Error) Check(WithdrawalsOptions o, WithdrawalFacts f, Micros minimum, Micros networkFee)
    {
        if (CheckAmount(minimum, f.Amount) is { } belowMinimum)
        {
            return (null, belowMinimum);
        }

        var fees = o.PlatformFeeMicros + networkFee;
        if (f.Amount <= fees)
        {
            return (null, WithdrawalProblems.Of(WithdrawalProblems.BelowMinimum, 400, "Below the fees",
                $"The fees are {fees.ToUsdtString()} USDT right now (network fee {networkFee.ToUsdtString()} USDT): withdraw more than that."));
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

        return (new WithdrawalTerms(f.Amount, o.PlatformFeeMicros, networkFee, f.Amount - fees), null);
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
