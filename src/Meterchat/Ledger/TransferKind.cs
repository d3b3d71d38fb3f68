namespace Meterchat.Ledger;

/// <summary>The business fact a transfer records; stored as its number, so never renumber.</summary>
public enum TransferKind
{
    Adjustment = 0,
    Deposit = 1,
    ChatUnit = 2,
    Tip = 3,
    Refund = 4,
    WithdrawalHold = 5,
    WithdrawalRelease = 6,
    WithdrawalPaid = 7,
    WithdrawalFee = 8,
    DisputeRefund = 9,
}
