using System.Numerics;

namespace Meterchat.Ethereum;

/// <summary>
/// An EIP-1559 fee for one transaction: the most it can cost is <see cref="MaxFeePerGas"/> × <see cref="GasLimit"/>
/// (the base fee actually burned is usually lower; the unused rest is never charged).
/// </summary>
public sealed record EthereumFee(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas, BigInteger GasLimit)
{
    /// <summary>The worst-case cost in wei, what a payout must budget for.</summary>
    public BigInteger MaxCostWei => MaxFeePerGas * GasLimit;
}
