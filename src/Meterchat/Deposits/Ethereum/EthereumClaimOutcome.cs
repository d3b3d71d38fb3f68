namespace Meterchat.Deposits.Ethereum;

/// <summary>
/// The answer to a pasted Ethereum tx hash: either a refusal (<see cref="Problem"/>, an RFC 7807 answer with a stable
/// type) or the status of the caller's credits in it: "credited", "pending" (confirming, or waiting for an ETH price)
/// or "accumulating" (final, below the minimum: credited with the next deposits).
/// </summary>
public sealed record EthereumClaimOutcome(Meterchat.Web.Problem? Problem, string Status, IReadOnlyList<EthereumClaimCredit> Credits)
{
    public static EthereumClaimOutcome Refused(Meterchat.Web.Problem problem) => new(problem, "refused", []);
}
