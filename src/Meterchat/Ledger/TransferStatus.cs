namespace Meterchat.Ledger;

public enum TransferStatus
{
    /// <summary>Recorded now.</summary>
    Completed,

    /// <summary>The key was recorded before with the same legs: nothing changed, the first result stands.</summary>
    Replayed,

    /// <summary>A user account would go below zero: nothing changed.</summary>
    InsufficientFunds,

    /// <summary>The key was recorded before with different legs: nothing changed.</summary>
    KeyConflict,

    /// <summary>The request is malformed (unbalanced, zero legs, ...): nothing changed.</summary>
    Invalid,
}
