using System.Numerics;
using Meterchat.Ledger;

namespace Meterchat.Ethereum.Prices;

/// <summary>
/// A quote for one ETH in micro-USDT, when it was taken and where from. Conversion is integer arithmetic on wei
/// (10^18 per ETH), rounded down, so a credit is never more than the ETH was worth at this price.
/// </summary>
public sealed record EtherPrice(long MicrosPerEther, DateTimeOffset At, string Source)
{
    public static readonly BigInteger WeiPerEther = BigInteger.Pow(10, 18);

    /// <summary>The value of <paramref name="wei"/> at this price, rounded down to the micro-USDT.</summary>
    public Micros MicrosFor(BigInteger wei)
    {
        if (wei.Sign < 0)
            throw new ArgumentOutOfRangeException(nameof(wei), "An amount of ETH is never negative.");
        return new Micros(checked((long)(wei * MicrosPerEther / WeiPerEther)));
    }

    /// <summary>The wei worth <paramref name="micros"/> at this price, rounded up (what a fee in µUSDT must cover).</summary>
    public BigInteger WeiFor(Micros micros)
    {
        var scaled = (BigInteger)micros.Value * WeiPerEther;
        return BigInteger.DivRem(scaled, MicrosPerEther, out var rest) + (rest.IsZero ? 0 : 1);
    }
}
