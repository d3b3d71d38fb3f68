using System.Numerics;
using Meterchat.Ledger;

namespace Meterchat.Reserves.Ethereum;

/// <summary>ETH in wei and each token in its base units, summed over some addresses.</summary>
public sealed record EthereumBalances(BigInteger EtherWei, IReadOnlyDictionary<string, BigInteger> TokenUnits)
{
    /// <summary>The stablecoins 1:1 as µUSDT (6 decimals each).</summary>
    public Micros StablecoinMicros => new(checked((long)TokenUnits.Values.Aggregate(BigInteger.Zero, (a, b) => a + b)));
}
