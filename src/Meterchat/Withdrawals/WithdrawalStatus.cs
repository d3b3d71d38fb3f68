namespace Meterchat.Withdrawals;

/// <summary>Where a withdrawal stands; stored as its number, so never renumber.</summary>
public enum WithdrawalStatus
{
    /// <summary>Row written, hold not yet confirmed (a crash here is settled by the sender).</summary>
    Holding = 0,

    /// <summary>Held; waits for an admin (above the auto threshold, or flagged).</summary>
    InReview = 1,

    /// <summary>Held and approved; the sender builds its transaction on the next pass.</summary>
    Approved = 2,

    /// <summary>Approved, but the hot wallet lacks USDT or TRX for energy: retried every pass.</summary>
    WaitingForFunds = 3,

    /// <summary>Signed bytes and TXID stored; broadcast may or may not have happened.</summary>
    Stored = 4,

    /// <summary>A node accepted the bytes (or already knew them).</summary>
    Broadcast = 5,

    /// <summary>In a block, not yet solidified.</summary>
    InBlock = 6,

    /// <summary>Final and successful: the ledger shows it paid.</summary>
    Completed = 7,

    /// <summary>Final and failed on chain: the funds went back to earnings.</summary>
    Failed = 8,

    /// <summary>Rejected by an admin: the funds went back to earnings.</summary>
    Rejected = 9,

    /// <summary>The hold never happened (insufficient earnings after a crash): nothing moved.</summary>
    Cancelled = 10,

    /// <summary>Rejected; the release to earnings is being booked (a crash here is finished by the sender).</summary>
    Rejecting = 11,
}
