namespace Meterchat.Withdrawals;

/// <summary>
/// The withdrawal state machine's edges: which status may follow which. <see cref="Withdrawal"/>'s steps consult
/// it; the docs (docs/withdrawals.md) draw it. Completed, Failed, Rejected and Cancelled are final.
/// </summary>
public static class WithdrawalTransitions
{
    private static readonly Dictionary<WithdrawalStatus, WithdrawalStatus[]> Next = new()
    {
        [WithdrawalStatus.Holding] = [WithdrawalStatus.InReview, WithdrawalStatus.Approved, WithdrawalStatus.Cancelled],
        [WithdrawalStatus.InReview] = [WithdrawalStatus.Approved, WithdrawalStatus.Rejecting],
        [WithdrawalStatus.Approved] = [WithdrawalStatus.WaitingForFunds, WithdrawalStatus.Stored, WithdrawalStatus.InReview],
        [WithdrawalStatus.WaitingForFunds] = [WithdrawalStatus.WaitingForFunds, WithdrawalStatus.Stored, WithdrawalStatus.InReview],
        [WithdrawalStatus.Stored] = [WithdrawalStatus.Broadcast, WithdrawalStatus.InBlock, WithdrawalStatus.Approved, WithdrawalStatus.Stored],
        [WithdrawalStatus.Broadcast] = [WithdrawalStatus.InBlock, WithdrawalStatus.Approved, WithdrawalStatus.Stored],
        [WithdrawalStatus.InBlock] = [WithdrawalStatus.Completed, WithdrawalStatus.Failed, WithdrawalStatus.Approved],
        [WithdrawalStatus.Rejecting] = [WithdrawalStatus.Rejected],
    };

    /// <summary>True when <paramref name="to"/> may follow <paramref name="from"/> (WaitingForFunds → itself: a new reason; Stored/Broadcast → Stored: an Ethereum replacement with the same nonce).</summary>
    public static bool IsAllowed(WithdrawalStatus from, WithdrawalStatus to) =>
        Next.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>No step leaves it.</summary>
    public static bool IsFinal(WithdrawalStatus status) => !Next.ContainsKey(status);
}
