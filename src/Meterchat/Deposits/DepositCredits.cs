namespace Meterchat.Deposits;

/// <summary>
/// What one <see cref="DepositBook.CreditAsync"/> call did: the deposits whose ledger transfer it made, and the final
/// ones it found uncredited and left so (their address's total is below the minimum, or the ledger refused them).
/// A deposit in neither was credited by someone else (a racing claim, the watcher, another instance).
/// </summary>
public sealed record DepositCredits(IReadOnlyList<Deposit> Credited, IReadOnlyList<Deposit> Uncredited)
{
    public static readonly DepositCredits None = new([], []);
}
