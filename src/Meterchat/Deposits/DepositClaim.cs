namespace Meterchat.Deposits;

/// <summary>A pasted TXID the node did not know yet: the watcher re-checks it for <see cref="DepositOptions.UnknownClaimWindow"/>.</summary>
public sealed class DepositClaim
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public string TxId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>The last answer: a problem type such as <c>deposit/pending-unknown</c> or a status such as <c>credited</c>.</summary>
    public string Outcome { get; set; } = ClaimOutcome.PendingUnknownType;
}
