namespace Meterchat.Deposits.Ethereum;

/// <summary>
/// What one <see cref="EthereumDepositBook.CreditAsync"/> call did: the deposits whose ledger transfer it made, and the
/// final ones it left uncredited (their address's total of that asset is below the minimum, no ETH price right now,
/// or the ledger refused). A deposit in neither was credited by someone else (a racing claim, the watcher).
/// </summary>
public sealed record EthereumDepositCredits(IReadOnlyList<EthereumDeposit> Credited, IReadOnlyList<EthereumDeposit> Uncredited)
{
    public static readonly EthereumDepositCredits None = new([], []);
}
