using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using Meterchat.Deposits.Ethereum.Sweeps;
using Meterchat.Ethereum;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.Reserves;
using Meterchat.Reserves.Ethereum;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>Sweeps of ERC-20 deposits on ganache (gas top-up, then the transfer), and Ethereum in the treasury and reserves.</summary>
[Collection(GanacheCollection.Name)]
public sealed class EthereumSweepTests(GanacheChain chain)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_deposit_address_with_usdc_and_no_eth_gets_a_gas_top_up_then_its_usdc_moves_to_the_hot_wallet_with_the_costs_recorded()
    {
        var hot = await chain.FundedKeyAsync(BigInteger.Pow(10, 18));
        var hotAddress = EthereumAddress.Parse(hot.GetPublicAddress());
        await using var app = EthereumSweepApp.Create(chain, hot);
        var deposit = await EthereumSweepApp.DepositAsync(app, chain, 20, "USDC", 40_000_000);
        var admin = await app.CreateSellerAsync("0", admin: true);
        var hotEtherBefore = await chain.Node.EtherBalanceAsync(hotAddress, None);

        var response = await admin.Http.PostAsJsonAsync("/api/admin/ethereum/sweeps", new { address = deposit.Checksummed });
        var sweep = await response.Content.ReadFromJsonAsync<EthereumSweepView>();
        var again = await admin.Http.PostAsJsonAsync("/api/admin/ethereum/sweeps", new { address = deposit.Lower });
        var listed = await admin.Http.GetFromJsonAsync<List<EthereumSweepView>>("/api/admin/ethereum/sweeps");
        var page = await admin.Http.GetStringAsync(new Uri("/admin/ethereum-sweeps", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(nameof(EthereumSweepStatus.Completed), sweep!.Status);
        Assert.Equal("40.00", sweep.Amount);
        Assert.Equal("USDC", sweep.Asset);
        Assert.NotEqual("0", sweep.TopUpEth);
        Assert.Equal(BigInteger.Zero, await chain.Node.TokenBalanceAsync(chain.Usdc, deposit, None));
        Assert.Equal(new BigInteger(40_000_000), await chain.Node.TokenBalanceAsync(chain.Usdc, hotAddress, None));

        // Costs: the top-up's and the transfer's gas, in ETH and at 3,000 USDT per ETH.
        var topUp = await chain.Node.ReceiptAsync(sweep.TopUpHash!, None);
        var transfer = await chain.Node.ReceiptAsync(sweep.SweepHash!, None);
        var gasWei = topUp!.GasUsed.Value * topUp.EffectiveGasPrice.Value + transfer!.GasUsed.Value * transfer.EffectiveGasPrice.Value;
        Assert.Equal(EtherText.Of(gasWei), sweep.GasEth);
        Assert.Equal(new Meterchat.Ethereum.Prices.EtherPrice(EthereumSweepApp.MicrosPerEther, default, "fixed").MicrosFor(gasWei).Value, sweep.Cost!.Micros);
        Assert.Equal(EthereumSweepApp.MicrosPerEther, sweep.MicrosPerEther);
        var topUpWei = (await chain.Node.TransactionAsync(sweep.TopUpHash!, None))!.Value.Value;
        Assert.Equal(hotEtherBefore - topUpWei - topUp.GasUsed.Value * topUp.EffectiveGasPrice.Value, await chain.Node.EtherBalanceAsync(hotAddress, None));

        Assert.Equal(WellKnown.NothingToSweep, await again.ProblemTypeAsync());
        Assert.Equal(sweep.Id, Assert.Single(listed!).Id);
        Assert.Contains(sweep.SweepHash!, page, StringComparison.Ordinal);
        Assert.DoesNotContain(chain.DepositMnemonic, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crash_after_storing_the_top_up_rebroadcasts_the_same_bytes_and_sweeps_once()
    {
        var hot = await chain.FundedKeyAsync(BigInteger.Pow(10, 18));
        var hotAddress = EthereumAddress.Parse(hot.GetPublicAddress());
        await using var app = EthereumSweepApp.Create(chain, hot);
        var deposit = await EthereumSweepApp.DepositAsync(app, chain, 21, "USDT", 7_000_000);

        long id;
        string topUpHash;
        using (var crashed = app.Services.CreateScope())
        {
            var stored = await crashed.ServiceProvider.GetRequiredService<EthereumSweeps>().StartAsync(deposit.Lower, "test", None);
            id = stored.Value!.Id;
            topUpHash = stored.Value.TopUpHash!;
        }

        Assert.Null(await chain.Node.TransactionAsync(topUpHash, None)); // stored, never sent: the process died here

        EthereumSweep first, second;
        using (var restarted = app.Services.CreateScope())
        {
            first = await restarted.ServiceProvider.GetRequiredService<EthereumSweeps>().AdvanceAsync(id, None);
        }

        using (var again = app.Services.CreateScope())
        {
            second = await again.ServiceProvider.GetRequiredService<EthereumSweeps>().AdvanceAsync(id, None);
        }

        Assert.Equal(topUpHash, first.TopUpHash);
        Assert.NotNull(await chain.Node.ReceiptAsync(topUpHash, None));
        Assert.Equal(EthereumSweepStatus.Completed, first.Status);
        Assert.Equal(EthereumSweepStatus.Completed, second.Status);
        Assert.Equal(first.SweepHash, second.SweepHash);
        Assert.Equal(new BigInteger(7_000_000), await chain.Node.TokenBalanceAsync(chain.Usdt, hotAddress, None));
        Assert.Equal(BigInteger.One, await chain.Node.PendingNonceAsync(deposit, None)); // one transfer from the deposit address
    }

    [Fact]
    public async Task Treasury_and_a_reserves_snapshot_count_ethereum_stablecoins_one_to_one_and_eth_apart()
    {
        var hot = await chain.FundedKeyAsync(2 * BigInteger.Pow(10, 18), chain.Usdc, 5_000_000);
        await using var app = EthereumSweepApp.Create(chain, hot);
        var deposit = await EthereumSweepApp.DepositAsync(app, chain, 22, "USDT", 12_000_000);
        await chain.SendAsync(chain.Funder, deposit, BigInteger.Pow(10, 17), null); // 0.1 ETH unswept
        var admin = await app.CreateSellerAsync("0", admin: true);

        using var scope = app.Services.CreateScope();
        var holdings = await scope.ServiceProvider.GetRequiredService<EthereumHoldings>().ReadAsync(None);
        var snapshot = (await scope.ServiceProvider.GetRequiredService<ReservesSnapshots>().TakeAsync(ReservesSnapshots.AdminTrigger, None)).Value!;
        var treasury = await admin.Http.GetStringAsync(new Uri("/admin/treasury", UriKind.Relative));
        var publicPage = await app.CreateClient().GetStringAsync(new Uri("/reserves", UriKind.Relative));

        Assert.Equal(new BigInteger(5_000_000), holdings.Hot!.TokenUnits["USDC"]);
        Assert.Equal(new BigInteger(12_000_000), holdings.Unswept!.TokenUnits["USDT"]);
        Assert.Equal(17_000_000, holdings.StablecoinMicros.Value);
        Assert.Equal(17_000_000, snapshot.EthereumStablecoins!.Micros);
        Assert.True(snapshot.Reserves.Micros >= 17_000_000);
        var ether = holdings.EtherWei;
        Assert.True(ether > BigInteger.Pow(10, 17), "the hot wallet's ETH and the 0.1 ETH on the deposit address");
        Assert.Equal(EtherText.Of(ether), snapshot.Ether);
        Assert.Equal(EthereumSweepApp.MicrosPerEther, snapshot.MicrosPerEther);
        Assert.Equal((long)(ether * EthereumSweepApp.MicrosPerEther / BigInteger.Pow(10, 18)), snapshot.EtherValue!.Micros);
        Assert.Contains("17.00 USDT", treasury, StringComparison.Ordinal);
        Assert.Contains("not</strong> in the USDT reserves", treasury, StringComparison.Ordinal);
        Assert.Contains("ETH held (not counted in the reserves)", publicPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_to_the_sweep_endpoint_gets_problem_details_and_sweeps_nothing()
    {
        var hot = await chain.FundedKeyAsync(BigInteger.Pow(10, 17));
        await using var app = EthereumSweepApp.Create(chain, hot);
        var admin = await app.CreateSellerAsync("0", admin: true);
        var user = await app.CreateSellerAsync("0");

        var garbage = await admin.Http.PostAsJsonAsync("/api/admin/ethereum/sweeps", new { address = "0xnot-an-address" });
        var missing = await admin.Http.PostAsJsonAsync("/api/admin/ethereum/sweeps", new { address = (string?)null });
        var stranger = await admin.Http.PostAsJsonAsync("/api/admin/ethereum/sweeps", new { address = chain.DepositKeys.AddressAt(23).Lower });
        var notAdmin = await user.Http.PostAsJsonAsync("/api/admin/ethereum/sweeps", new { address = chain.DepositKeys.AddressAt(23).Lower });

        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(EthereumSweepProblems.BadAddress, await garbage.ProblemTypeAsync());
        Assert.Equal(EthereumSweepProblems.BadAddress, await missing.ProblemTypeAsync());
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(EthereumSweepProblems.NotADepositAddress, await stranger.ProblemTypeAsync());
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        Assert.Empty((await admin.Http.GetFromJsonAsync<List<EthereumSweepView>>("/api/admin/ethereum/sweeps"))!);
    }

    private static class WellKnown
    {
        public const string NothingToSweep = EthereumSweepProblems.NothingToSweep;
    }
}
