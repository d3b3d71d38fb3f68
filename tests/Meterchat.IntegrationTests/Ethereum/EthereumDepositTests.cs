using System.Numerics;
using Meterchat.Ethereum;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>
/// Real transfers on ganache read back through <see cref="EthereumNode"/> and matched by
/// <see cref="Erc20TransferMatch"/>: what a deposit claim or the block watcher will see.
/// </summary>
[Collection(GanacheCollection.Name)]
public sealed class EthereumDepositTests(GanacheChain chain)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_node_is_the_local_chain_1337_and_final_blocks_trail_the_head_by_the_confirmations()
    {
        Assert.Equal(1337, await chain.Node.ChainIdAsync(None));
        var latest = await chain.Node.LatestBlockNumberAsync(None);
        Assert.True(latest >= 3, "the three token deployments are mined");
        Assert.Equal(latest - chain.Options.Confirmations, await chain.Node.FinalBlockNumberAsync(None));
        Assert.True(await chain.Node.FinalizedBlockNumberAsync(None) is null or >= 0);
    }

    [Fact]
    public async Task Both_test_stablecoins_have_six_decimals_and_the_whole_supply_was_minted()
    {
        var web3 = new Nethereum.Web3.Web3(chain.Options.RpcUrl);
        foreach (var token in new[] { chain.Usdt, chain.Usdc })
        {
            var erc20 = web3.Eth.ERC20.GetContractService(token.Lower);
            Assert.Equal(6, await erc20.DecimalsQueryAsync());
            Assert.Equal(GanacheChain.Supply, await erc20.TotalSupplyQueryAsync());
        }

        Assert.Equal("USDC", await web3.Eth.ERC20.GetContractService(chain.Usdc.Lower).SymbolQueryAsync());
    }

    [Fact]
    public async Task A_usdt_transfer_to_a_derived_deposit_address_credits_its_amount_once_per_log()
    {
        var deposit = chain.DepositKeys.AddressAt(1);

        var receipt = await chain.SendAsync(chain.Funder, chain.Usdt, 0, EthereumNode.TokenTransferData(deposit, 25_000_000));
        var transaction = await chain.Node.TransactionAsync(receipt.TransactionHash, None);
        var match = chain.Match(deposit).Match(transaction!, await chain.Node.ReceiptAsync(receipt.TransactionHash, None));

        var credit = Assert.Single(match.Credits);
        Assert.Equal("USDT", credit.Asset);
        Assert.Equal(deposit, credit.To);
        Assert.Equal(chain.FunderAddress, credit.From);
        Assert.Equal(Meterchat.Ledger.Micros.FromUsdt(25), credit.StablecoinMicros);
        Assert.Equal(new EvmCreditKey(receipt.TransactionHash, (long)receipt.Logs[0].LogIndex.Value), credit.Key);
        Assert.Equal(new BigInteger(25_000_000), await chain.Node.TokenBalanceAsync(chain.Usdt, deposit, None));

        // The watcher's view: the same transaction inside its block.
        var block = await chain.Node.BlockAsync((long)receipt.BlockNumber.Value, None);
        Assert.Contains(block!.Transactions, t => t.TransactionHash == receipt.TransactionHash);
    }

    [Fact]
    public async Task A_transfer_to_a_blocked_address_is_mined_reverted_and_credits_nothing()
    {
        var deposit = chain.DepositKeys.AddressAt(2);
        await chain.SendAsync(chain.Funder, chain.Usdc, 0, TestTokenContract.SetBlockedData(deposit, true));
        // The node will not estimate gas for a call that reverts: use the fee of a transfer that succeeds.
        var fee = await chain.Node.EstimateTokenTransferFeeAsync(chain.FunderAddress, chain.Usdc, chain.FunderAddress, 1, None);

        var receipt = await chain.SendAsync(chain.Funder, chain.Usdc, 0, EthereumNode.TokenTransferData(deposit, 5_000_000), fee);
        var transaction = await chain.Node.TransactionAsync(receipt.TransactionHash, None);

        Assert.Equal(BigInteger.Zero, receipt.Status.Value);
        Assert.Equal(EvmNoCredit.Reverted, chain.Match(deposit).Match(transaction!, receipt).NoCredit);
        Assert.Equal(BigInteger.Zero, await chain.Node.TokenBalanceAsync(chain.Usdc, deposit, None));
    }

    [Fact]
    public async Task A_transfer_above_the_senders_balance_reverts_too()
    {
        var deposit = chain.DepositKeys.AddressAt(3);
        var poor = await chain.FundedKeyAsync(BigInteger.Pow(10, 16));
        var fee = await chain.Node.EstimateTokenTransferFeeAsync(chain.FunderAddress, chain.Usdt, deposit, 1, None);

        var receipt = await chain.SendAsync(poor, chain.Usdt, 0, EthereumNode.TokenTransferData(deposit, 1_000_000), fee);

        Assert.Equal(EvmNoCredit.Reverted, chain.Match(deposit).Match((await chain.Node.TransactionAsync(receipt.TransactionHash, None))!, receipt).NoCredit);
    }

    [Fact]
    public async Task A_token_nobody_accepts_sent_to_a_deposit_address_is_other_token()
    {
        var deposit = chain.DepositKeys.AddressAt(4);

        var receipt = await chain.SendAsync(chain.Funder, chain.Unaccepted, 0, EthereumNode.TokenTransferData(deposit, 9_000_000));
        var match = chain.Match(deposit).Match((await chain.Node.TransactionAsync(receipt.TransactionHash, None))!, receipt);

        Assert.Equal(BigInteger.One, receipt.Status.Value);
        Assert.Empty(match.Credits);
        Assert.Equal(EvmNoCredit.OtherToken, match.NoCredit);
    }

    [Fact]
    public async Task An_accepted_token_sent_to_an_address_that_is_not_ours_is_other_address()
    {
        var ours = chain.DepositKeys.AddressAt(5);
        var elsewhere = chain.DepositKeys.AddressAt(6);

        var receipt = await chain.SendAsync(chain.Funder, chain.Usdc, 0, EthereumNode.TokenTransferData(elsewhere, 4_000_000));

        Assert.Equal(EvmNoCredit.OtherAddress, chain.Match(ours).Match((await chain.Node.TransactionAsync(receipt.TransactionHash, None))!, receipt).NoCredit);
    }

    [Fact]
    public async Task Plain_eth_to_a_deposit_address_credits_its_wei_keyed_by_the_hash()
    {
        var deposit = chain.DepositKeys.AddressAt(7);
        var wei = BigInteger.Pow(10, 17) * 3; // 0.3 ETH

        var receipt = await chain.SendAsync(chain.Funder, deposit, wei, null);
        var credit = Assert.Single(chain.Match(deposit).Match((await chain.Node.TransactionAsync(receipt.TransactionHash, None))!, receipt).Credits);

        Assert.Equal("ETH", credit.Asset);
        Assert.Equal(wei, credit.Amount);
        Assert.Equal(new EvmCreditKey(receipt.TransactionHash, null), credit.Key);
        Assert.Equal(wei, await chain.Node.EtherBalanceAsync(deposit, None));
    }

    [Fact]
    public async Task An_unknown_hash_has_no_transaction_and_no_receipt()
    {
        var unknown = "0x" + new string('1', 64);

        Assert.Null(await chain.Node.TransactionAsync(unknown, None));
        Assert.Null(await chain.Node.ReceiptAsync(unknown, None));
    }

    [Fact]
    public async Task A_cancelled_call_stops_waiting()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => chain.Node.LatestBlockNumberAsync(cancelled.Token));
    }
}
