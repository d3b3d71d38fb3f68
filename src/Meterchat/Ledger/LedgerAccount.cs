namespace Meterchat.Ledger;

/// <summary>An account row. Its balance is updated in the same transaction as the legs that change it.</summary>
public sealed class LedgerAccount
{
    public long Id { get; set; }

    public required string Code { get; set; }

    public AccountKind Kind { get; set; }

    public string? UserId { get; set; }

    /// <summary>µUSDT.</summary>
    public long Balance { get; set; }
}
