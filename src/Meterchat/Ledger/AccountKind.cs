namespace Meterchat.Ledger;

/// <summary>What an account holds. User accounts never go negative; system accounts carry the other side.</summary>
public enum AccountKind
{
    System = 0,
    Wallet = 1,
    Earnings = 2,
    Held = 3,
}
