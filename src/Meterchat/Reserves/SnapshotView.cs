using Meterchat.Ledger;

namespace Meterchat.Reserves;

/// <summary>A snapshot as the public page and API show it: amounts in µUSDT and USDT, the ratio in percent with two decimals.</summary>
public sealed record SnapshotView(
    long Id,
    DateTimeOffset At,
    long BlockNumber,
    int Users,
    MoneyJson Liabilities,
    MoneyJson Reserves,
    string? RatioPercent,
    string RootHash,
    string HotWallet,
    string Message,
    string Signature,
    MoneyJson? EthereumStablecoins = null,
    string? Ether = null,
    MoneyJson? EtherValue = null,
    long? MicrosPerEther = null)
{
    public static SnapshotView Of(ReservesSnapshot s) => new(
        s.Id, s.At, s.BlockNumber, s.Users, MoneyJson.Of(new Micros(s.Liabilities)), MoneyJson.Of(new Micros(s.Reserves)),
        Ratio(s.Reserves, s.Liabilities), s.RootHash, s.HotWallet, s.Message, s.Signature,
        s.EthereumStablecoins is { } e ? MoneyJson.Of(new Micros(e)) : null,
        s.EtherWei is { } wei ? Meterchat.Ethereum.EtherText.Of(System.Numerics.BigInteger.Parse(wei, System.Globalization.CultureInfo.InvariantCulture)) : null,
        s.EtherMicros is { } v ? MoneyJson.Of(new Micros(v)) : null, s.MicrosPerEther);

    /// <summary>reserves ÷ liabilities as a percentage rounded down to 0.01 %, in integers; null when nothing is owed.</summary>
    public static string? Ratio(long reserves, long liabilities)
    {
        if (liabilities <= 0)
        {
            return null;
        }

        var basisPoints = (Int128)reserves * 10_000 / liabilities;
        return $"{basisPoints / 100}.{(int)(Int128.Abs(basisPoints) % 100):00}";
    }
}
