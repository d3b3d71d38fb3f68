using System.Numerics;
using Meterchat.Deposits.Ethereum.Sweeps;
using Meterchat.Ethereum;

namespace Meterchat.Tests.Ethereum;

public sealed class SweepPlannerTests
{
    private static readonly EthereumAddress Usdt = EthereumAddress.Parse("0xdac17f958d2ee523a2206206994597c13d831ec7");
    private static readonly EthereumAddress Usdc = EthereumAddress.Parse("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48");
    private static readonly EthereumFee Fee = new(30_000_000_000, 1_000_000_000, 60_000); // 0.0018 ETH at most

    private static Dictionary<string, BigInteger> Credited(params (string Asset, long Units)[] rows) =>
        rows.ToDictionary(r => r.Asset, r => new BigInteger(r.Units), StringComparer.Ordinal);

    [Fact]
    public void An_address_without_eth_gets_a_top_up_of_the_transfers_most_gas_cost_and_sweeps_its_whole_balance()
    {
        var plan = SweepPlanner.Plan(Credited(("USDC", 40_000_000)), [("USDC", Usdc, 45_000_000)], BigInteger.Zero, Fee, 1)!;

        Assert.Equal("USDC", plan.Asset);
        Assert.Equal(new BigInteger(45_000_000), plan.Units);
        Assert.Equal(new BigInteger(1_800_000_000_000_000), plan.TopUpWei);
    }

    [Fact]
    public void Eth_already_there_is_used_first_and_enough_of_it_means_no_top_up()
    {
        Assert.Equal(new BigInteger(800_000_000_000_000),
            SweepPlanner.Plan(Credited(("USDT", 5)), [("USDT", Usdt, 5)], 1_000_000_000_000_000, Fee, 1)!.TopUpWei);
        Assert.Equal(BigInteger.Zero, SweepPlanner.Plan(Credited(("USDT", 5)), [("USDT", Usdt, 5)], BigInteger.Pow(10, 18), Fee, 1)!.TopUpWei);
    }

    [Fact]
    public void The_largest_credited_balance_goes_first_one_token_per_sweep()
    {
        var plan = SweepPlanner.Plan(Credited(("USDT", 1), ("USDC", 1)), [("USDT", Usdt, 3_000_000), ("USDC", Usdc, 9_000_000)], 0, Fee, 1)!;

        Assert.Equal("USDC", plan.Asset);
        Assert.Equal(Usdc, plan.Contract);
    }

    [Fact]
    public void Nothing_is_planned_without_a_credit_since_the_last_sweep_below_the_threshold_or_with_an_empty_balance()
    {
        Assert.Null(SweepPlanner.Plan(Credited(), [("USDT", Usdt, 9_000_000)], 0, Fee, 1));
        Assert.Null(SweepPlanner.Plan(Credited(("USDT", 9_000_000)), [("USDT", Usdt, 9_000_000)], 0, Fee, 10_000_000));
        Assert.Null(SweepPlanner.Plan(Credited(("USDT", 9_000_000)), [("USDT", Usdt, 0)], 0, Fee, 1));
        Assert.Null(SweepPlanner.Plan(Credited(("USDC", 9_000_000)), [("USDT", Usdt, 9_000_000)], 0, Fee, 1));
    }

    [Fact]
    public void The_fee_paid_is_gas_used_times_the_effective_price()
    {
        Assert.Equal(new BigInteger(21_000L * 2_000_000_000), SweepPlanner.FeePaid(21_000, 2_000_000_000));
    }
}
