namespace Meterchat.Ledger;

/// <summary>What became of a transfer request. <see cref="TransferId"/> is set when the transfer exists.</summary>
public sealed record TransferResult(string IdempotencyKey, TransferStatus Status, long? TransferId, string? Problem = null)
{
    /// <summary>True when the transfer is (now or already) in the ledger.</summary>
    public bool Succeeded => Status is TransferStatus.Completed or TransferStatus.Replayed;
}
