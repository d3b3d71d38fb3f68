using System.Numerics;
using Meterchat.Ethereum;

namespace Meterchat.Deposits.Ethereum.Sweeps;

/// <summary>
/// Pure: picks what to sweep from one deposit address. A token qualifies when deposits of it were credited since the
/// address's last sweep and its on-chain balance reaches the threshold (the balance is what moves: the ledger credited
/// the logs, the chain says what is there now). The largest such balance goes first, one token per sweep; the address
/// gets ETH from the hot wallet only for what its transfer's gas may cost beyond what it already holds.
/// </summary>
public static class SweepPlanner
{
    public static SweepPlan? Plan(
        IReadOnlyDictionary<string, BigInteger> creditedSinceLastSweep,
        IReadOnlyList<(string Asset, EthereumAddress Contract, BigInteger Balance)> balances,
        BigInteger etherWei,
        EthereumFee fee,
        BigInteger thresholdUnits)
    {
        var pick = balances
            .Where(b => b.Balance > 0 && b.Balance >= thresholdUnits
                && creditedSinceLastSweep.TryGetValue(b.Asset, out var credited) && credited > 0)
            .OrderByDescending(b => b.Balance)
            .ThenBy(b => b.Asset, StringComparer.Ordinal)
            .FirstOrDefault();
        if (pick.Asset is null)
        {
            return null;
        }

        var topUp = BigInteger.Max(BigInteger.Zero, fee.MaxCostWei - etherWei);
        return new SweepPlan(pick.Asset, pick.Contract, pick.Balance, topUp, fee);
    }

    /// <summary>What a mined transaction cost: gas used × the effective price per gas.</summary>
    public static BigInteger FeePaid(BigInteger gasUsed, BigInteger effectiveGasPrice) => gasUsed * effectiveGasPrice;
}
