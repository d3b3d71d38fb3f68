namespace Meterchat.Ledger;

/// <summary>What the server pushes to a signed-in person's pages: their balances, only when money moved.</summary>
public interface IBalanceClient
{
    Task Balances(BalancesResponse balances);
}
