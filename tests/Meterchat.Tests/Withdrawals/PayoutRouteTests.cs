using Meterchat.Ledger;
using Meterchat.Withdrawals;
using Meterchat.Withdrawals.Ethereum;

namespace Meterchat.Tests.Withdrawals;

public sealed class PayoutRouteTests
{
    [Theory]
    [InlineData(null, null, PayoutNetwork.Tron, "USDT")]
    [InlineData("tron", "usdt", PayoutNetwork.Tron, "USDT")]
    [InlineData("Ethereum", "USDT", PayoutNetwork.Ethereum, "USDT")]
    [InlineData("ethereum", "usdc", PayoutNetwork.Ethereum, "USDC")]
    public void The_three_payout_routes_are_read_case_insensitively(string? network, string? asset, PayoutNetwork expected, string symbol)
    {
        var (route, error) = PayoutRoute.Parse(network, asset);

        Assert.Null(error);
        Assert.Equal(new PayoutRoute(expected, symbol), route);
    }

    [Theory]
    [InlineData("tron", "USDC")]
    [InlineData("ethereum", "ETH")]
    [InlineData("ethereum", "DAI")]
    [InlineData("bitcoin", "USDT")]
    public void Anything_else_is_an_unsupported_asset(string network, string asset)
    {
        var (route, error) = PayoutRoute.Parse(network, asset);

        Assert.Null(route);
        Assert.Equal(WithdrawalProblems.UnsupportedAsset, error!.Type);
    }

    [Theory]
    [InlineData(0, 20, 0)]
    [InlineData(1, 0, 10_000)] // rounded up to the cent
    [InlineData(720_000, 20, 870_000)] // 0.72 + 20 % = 0.864 → 0.87
    [InlineData(1_000_000, 25, 1_250_000)]
    public void The_network_fee_gets_its_margin_and_is_rounded_up_to_the_cent(long fee, int margin, long expected) =>
        Assert.Equal(new Micros(expected), EthereumPayoutFees.WithMargin(new Micros(fee), margin));
}
