using System.Globalization;
using System.Numerics;
using Meterchat.Ethereum;

namespace Meterchat.Deposits.Ethereum;

/// <summary>An amount in an asset's base unit as the decimal text people read: 300000000000000000 wei → "0.3", 25000000 USDC units → "25".</summary>
public static class AssetUnits
{
    public static int DecimalsOf(string asset) => asset == Erc20TransferMatch.EtherSymbol ? 18 : 6;

    public static string Text(BigInteger units, string asset)
    {
        var scale = BigInteger.Pow(10, DecimalsOf(asset));
        var whole = BigInteger.DivRem(units, scale, out var rest);
        var fraction = rest.ToString(CultureInfo.InvariantCulture).PadLeft(DecimalsOf(asset), '0').TrimEnd('0');
        return fraction.Length == 0 ? whole.ToString(CultureInfo.InvariantCulture) : $"{whole.ToString(CultureInfo.InvariantCulture)}.{fraction}";
    }

    public static string Text(string units, string asset) => Text(BigInteger.Parse(units, CultureInfo.InvariantCulture), asset);
}
