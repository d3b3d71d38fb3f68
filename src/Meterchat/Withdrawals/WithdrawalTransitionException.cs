namespace Meterchat.Withdrawals;

/// <summary>A step a withdrawal's status does not allow (a bug or a stale read): nothing of it was applied.</summary>
public sealed class WithdrawalTransitionException(long withdrawalId, WithdrawalStatus from, string step)
    : InvalidOperationException($"Withdrawal {withdrawalId} cannot {step} while {from}.")
{
    public WithdrawalStatus From { get; } = from;

    public string Step { get; } = step;
}
