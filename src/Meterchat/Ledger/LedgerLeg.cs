namespace Meterchat.Ledger;

public sealed class LedgerLeg
{
    public long Id { get; set; }

    public long TransferId { get; set; }

    public long AccountId { get; set; }

    /// <summary>µUSDT, signed: negative debits the account.</summary>
    public long Amount { get; set; }
}
