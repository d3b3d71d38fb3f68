using System.Globalization;
using System.Numerics;
using Meterchat.Ethereum;
using Meterchat.Ledger;

namespace Meterchat.Deposits.Ethereum.Sweeps;

/// <summary>A sweep as the admin pages and API show it: amounts as text, gas in ETH and its µUSDT cost at the price of completion.</summary>
public sealed record EthereumSweepView(
    long Id,
    string Address,
    string Asset,
    string Amount,
    string Status,
    string TopUpEth,
    string? TopUpHash,
    string? SweepHash,
    string? GasEth,
    MoneyJson? Cost,
    long? MicrosPerEther,
    string? Failure,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt)
{
    public static EthereumSweepView Of(EthereumSweep s)
    {
        BigInteger? gas = s.SweepFeeWei is null && s.TopUpFeeWei is null
            ? null
            : Parse(s.TopUpFeeWei) + Parse(s.SweepFeeWei);
        return new(s.Id, EthereumAddress.Parse(s.Address).Checksummed, s.Asset,
            new Micros(checked((long)Parse(s.Units))).ToUsdtString(), s.Status.ToString(),
            EtherText.Of(Parse(s.TopUpWei)), s.TopUpHash, s.SweepHash, gas is { } g ? EtherText.Of(g) : null,
            s.CostMicros is { } c ? MoneyJson.Of(new Micros(c)) : null, s.MicrosPerEther, s.Failure, s.CreatedAt, s.CompletedAt);
    }

    private static BigInteger Parse(string? units) => units is null ? BigInteger.Zero : BigInteger.Parse(units, CultureInfo.InvariantCulture);
}
