namespace Meterchat.Ledger;

/// <summary>What the platform owes one user: wallet + earnings + held.</summary>
public sealed record UserLiability(string UserId, Micros Wallet, Micros Earnings, Micros Held)
{
    public Micros Total => Wallet + Earnings + Held;
}
