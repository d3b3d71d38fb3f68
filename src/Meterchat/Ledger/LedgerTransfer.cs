namespace Meterchat.Ledger;

/// <summary>A recorded transfer. Never edited: a correction is another transfer.</summary>
public sealed class LedgerTransfer
{
    public long Id { get; set; }

    public required string IdempotencyKey { get; set; }

    public TransferKind Kind { get; set; }

    public string? Reference { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Hash of the legs, so a replay with other content is told apart from a true replay.</summary>
    public required string Fingerprint { get; set; }
}
