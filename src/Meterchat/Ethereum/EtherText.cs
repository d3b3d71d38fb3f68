using System.Globalization;
using System.Numerics;

namespace Meterchat.Ethereum;

/// <summary>Wei as ETH text for people: exact, up to 18 decimals, trailing zeros dropped ("0.000042", "1.5", "0").</summary>
public static class EtherText
{
    public static string Of(BigInteger wei)
    {
        var sign = wei.Sign < 0 ? "-" : "";
        var whole = BigInteger.DivRem(BigInteger.Abs(wei), BigInteger.Pow(10, 18), out var rest);
        var fraction = rest.IsZero ? "" : "." + rest.ToString("D18", CultureInfo.InvariantCulture).TrimEnd('0');
        return sign + whole.ToString(CultureInfo.InvariantCulture) + fraction;
    }
}
