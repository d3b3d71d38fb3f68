namespace Meterchat.Ledger;

/// <summary>What became of a transfer request. <see cref="TransferId"/> is set when the transfer exists.</summary>
public sealed record TransferResult(string IdempotencyKey, TransferStatus Status, long? TransferId, string? Problem = null)
{
    /// <summary>True when the transfer is (now or already) in the ledger.</summary>
    public bool Succeeded => Status is TransferStatus.Completed or TransferStatus.Replayed;

    /// <summary>
    /// For a transfer this call completed that debits one user account: that account's balance as the ledger's write
    /// committed it (read back from the guarded debit itself, so it holds whatever else landed on the account before,
    /// such as a deposit). Null otherwise (a replay, a refusal, a transfer debiting no or two user accounts).
    /// </summary>
    public Micros? DebitedBalance { get; init; }
}
