using System.Numerics;
using Meterchat.Cluster;
using Meterchat.Deposits;
using Meterchat.Deposits.Ethereum;
using Meterchat.Ethereum;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>The block watcher on ganache: credits without a paste, races with claims, resumes from its cursor; exactly once under 50 concurrent claims.</summary>
[Collection(GanacheCollection.Name)]
public sealed class EthereumDepositWatcherTests(GanacheChain chain) : IDisposable
{
    private readonly EthereumApp _app = new(chain);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_watcher_credits_tokens_and_eth_without_a_claim_once_final_and_only_once()
    {
        var user = await _app.NewUserAsync();
        await _app.Watcher.ProcessAvailableBlocksAsync(); // the first pass sets the cursor at the final block
        var usdc = await chain.SendAsync(chain.Funder, chain.Usdc, 0, EthereumNode.TokenTransferData(user.Address, 7_000_000));
        await chain.SendAsync(chain.Funder, user.Address, BigInteger.Pow(10, 16), null); // 0.01 ETH = 30 USDT

        await _app.Watcher.ProcessAvailableBlocksAsync();
        Assert.Equal(0, await user.WalletAsync()); // not final yet: not even recorded

        await chain.MineAsync(2);
        await _app.Watcher.ProcessAvailableBlocksAsync();
        await _app.Watcher.ProcessAvailableBlocksAsync();

        Assert.Equal(37_000_000, await user.WalletAsync());
        Assert.Equal(37_000_000, await _app.CreditedDepositsAsync());
        Assert.Equal(2, (await user.HistoryAsync()).Count(i => i.Status == "credited"));
        // A paste afterwards finds it credited.
        Assert.Equal("credited", (await _app.ClaimDirectAsync(user, usdc.TransactionHash)).Status);
        Assert.Equal(37_000_000, await user.WalletAsync());
        Assert.True((await _app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task A_user_whose_row_predates_the_stored_ethereum_address_is_credited_by_the_watcher_and_the_row_filled_in()
    {
        var user = await _app.NewUserAsync();
        await using (var scope = _app.Factory.Services.CreateAsyncScope())
        {
            // As a row made before the column existed: no stored Ethereum address.
            var db = scope.ServiceProvider.GetRequiredService<Meterchat.Data.AppDbContext>();
            Assert.Equal(1, await db.Set<DepositAddress>().Where(a => a.UserId == user.UserId)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.EthereumAddress, (string?)null)));
        }

        await _app.Watcher.ProcessAvailableBlocksAsync();
        await chain.SendAsync(chain.Funder, chain.Usdt, 0, EthereumNode.TokenTransferData(user.Address, 9_000_000));
        await chain.MineAsync(2);
        await _app.Watcher.ProcessAvailableBlocksAsync();

        Assert.Equal(9_000_000, await user.WalletAsync());
        await using (var scope = _app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Meterchat.Data.AppDbContext>();
            Assert.Equal(user.Address.Checksummed, await db.Set<DepositAddress>().Where(a => a.UserId == user.UserId).Select(a => a.EthereumAddress).SingleAsync());
        }

        Assert.True((await _app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task A_claim_and_the_watcher_racing_credit_once()
    {
        var user = await _app.NewUserAsync();
        await _app.Watcher.ProcessAvailableBlocksAsync();
        var receipt = await chain.SendAsync(chain.Funder, chain.Usdt, 0, EthereumNode.TokenTransferData(user.Address, 11_000_000));
        await chain.MineAsync(2);

        await Task.WhenAll(_app.Watcher.ProcessAvailableBlocksAsync(), _app.ClaimDirectAsync(user, receipt.TransactionHash), _app.ClaimDirectAsync(user, receipt.TransactionHash));

        Assert.Equal(11_000_000, await user.WalletAsync());
        Assert.Equal(11_000_000, await _app.CreditedDepositsAsync());
        Assert.Single(await _app.RowsAsync(receipt.TransactionHash));
        Assert.True((await _app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task Fifty_concurrent_claims_of_one_transaction_credit_it_exactly_once()
    {
        var user = await _app.NewUserAsync();
        var receipt = await chain.SendAsync(chain.Funder, chain.Usdt, 0, EthereumNode.TokenTransferData(user.Address, 13_000_000));
        await chain.MineAsync(2);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => _app.ClaimDirectAsync(user, receipt.TransactionHash))));

        Assert.All(outcomes, o => Assert.Equal("credited", o.Status));
        Assert.Equal(13_000_000, await user.WalletAsync());
        Assert.Equal(13_000_000, await _app.CreditedDepositsAsync());
        var row = Assert.Single(await _app.RowsAsync(receipt.TransactionHash));
        Assert.Equal(13_000_000, row.Amount);
        Assert.NotNull(row.TransferId);
        Assert.True((await _app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task Eth_without_a_price_stays_uncredited_and_a_later_pass_credits_it_at_the_price_then()
    {
        var prices = new SwitchablePriceSource();
        using var app = new EthereumApp(chain, prices);
        var user = await app.NewUserAsync();
        var receipt = await chain.SendAsync(chain.Funder, user.Address, BigInteger.Pow(10, 17), null); // 0.1 ETH
        await chain.MineAsync(2);

        var outcome = await app.ClaimDirectAsync(user, receipt.TransactionHash);
        Assert.Equal("pending", outcome.Status);
        Assert.Null(Assert.Single(outcome.Credits).Amount);
        Assert.Equal(0, await user.WalletAsync());
        Assert.Null(Assert.Single(await app.RowsAsync(receipt.TransactionHash)).MicrosPerEther);

        prices.Price = new Meterchat.Ethereum.Prices.EtherPrice(2_500_000_000, app.Factory.Time.GetUtcNow(), "ticker");
        await app.Watcher.ProcessAvailableBlocksAsync();

        Assert.Equal(250_000_000, await user.WalletAsync()); // 0.1 ETH × 2,500 USDT
        var row = Assert.Single(await app.RowsAsync(receipt.TransactionHash));
        Assert.Equal((2_500_000_000L, "ticker", 250_000_000L), (row.MicrosPerEther!.Value, row.PriceSource!, row.Amount!.Value));
        Assert.True((await app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task A_restarted_watcher_resumes_from_its_cursor()
    {
        var user = await _app.NewUserAsync();
        await _app.Watcher.ProcessAvailableBlocksAsync();
        await chain.SendAsync(chain.Funder, chain.Usdt, 0, EthereumNode.TokenTransferData(user.Address, 4_000_000));
        await chain.MineAsync(2);

        // Another watcher over the same database (a restart): it continues where the cursor is, not at the head.
        using var second = new EthereumDepositWatcher(Get<IServiceScopeFactory>(), Get<EthereumNode>(), Get<EthereumDepositAddressMap>(),
            Get<EthereumDepositKeySource>(), Get<IOptionsMonitor<EthereumOptions>>(), Get<IOptions<DepositOptions>>(), _app.Factory.Time,
            Get<WorkerGate>(), NullLogger<EthereumDepositWatcher>.Instance);
        Assert.Equal(3, await second.ProcessAvailableBlocksAsync()); // the transfer's block and the two mined on it

        Assert.Equal(4_000_000, await user.WalletAsync());
    }

    private T Get<T>() where T : notnull => _app.Factory.Services.GetRequiredService<T>();
}
