using System.Globalization;
using System.Numerics;
using Meterchat.Ethereum;

namespace Meterchat.Withdrawals;

/// <summary>
/// What a payout really cost on its chain, in that chain's unit. The column <c>ChainFeeSun</c> holds TRON's burned
/// TRX in sun, or Ethereum's gas cost in wei (gas used × effective gas price); this names which, so a wei amount is
/// never shown as TRX. <see cref="Units"/> is the integer amount in <see cref="Unit"/> ("sun" or "wei").
/// </summary>
public sealed record PayoutChainCost(string Units, string Unit, string Shown, long? Used, string UsedUnit)
{
    private static readonly BigInteger WeiPerGwei = BigInteger.Pow(10, 9);

    public static PayoutChainCost? Of(Withdrawal w)
    {
        if (w.ChainFeeSun is not { } fee)
        {
            return null;
        }

        var units = fee.ToString(CultureInfo.InvariantCulture);
        return w.Network == PayoutNetwork.Ethereum
            ? new PayoutChainCost(units, "wei", $"{EtherText.Of(fee)} ETH ({Decimal(fee, WeiPerGwei, 9)} gwei)", w.EnergyUsed, "gas")
            : new PayoutChainCost(units, "sun", $"{Decimal(fee, 1_000_000, 6)} TRX", w.EnergyUsed, "energy");
    }

    /// <summary><paramref name="amount"/> / <paramref name="one"/> written exactly (integer arithmetic, trailing zeros cut).</summary>
    private static string Decimal(BigInteger amount, BigInteger one, int digits)
    {
        var whole = BigInteger.DivRem(BigInteger.Abs(amount), one, out var rest);
        var fraction = rest.IsZero ? "" : "." + rest.ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).TrimEnd('0');
        return (amount.Sign < 0 ? "-" : "") + whole.ToString(CultureInfo.InvariantCulture) + fraction;
    }
}
