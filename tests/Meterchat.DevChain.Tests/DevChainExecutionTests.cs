using Meterchat.DevChain;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Node;
using Meterchat.Tron.Transactions;

namespace Meterchat.DevChain.Tests;

/// <summary>What executing transfers does: balances, the real Transfer log, failures without logs, energy burned.</summary>
public sealed class DevChainExecutionTests : IDisposable
{
    private readonly TestChain _chain = new();

    public void Dispose() => _chain.Dispose();

    [Fact]
    public async Task Usdt_transfer_emits_a_real_transfer_log_and_moves_the_balance()
    {
        var sender = _chain.FundedKey(usdt: 50 * TestChain.Usdt);
        var recipient = _chain.NewKey().Address;

        var txId = await _chain.SendAsync(_chain.TokenTransfer(sender.Address, recipient, 12_345_678), sender);
        Assert.Null(await _chain.Client.GetTransactionInfoByIdAsync(txId));
        var block = _chain.Step();
        var info = await _chain.Client.GetTransactionInfoByIdAsync(txId);

        Assert.NotNull(info);
        Assert.True(info.ContractSucceeded);
        Assert.Equal(block.Number, info.BlockNumber);
        Assert.Equal(block.Timestamp, info.BlockTimestamp);
        Assert.Equal(_chain.Node.Usdt, info.ContractAddress);
        Assert.Equal(new string('0', 64), Assert.Single(info.ContractResult));
        var log = Assert.Single(info.Logs);
        Assert.Equal(_chain.Node.Usdt, log.Address);
        Assert.Equal(TransferLog.Topic0Hex, log.Topics[0]);
        Assert.Equal(new string('0', 24) + Hex.ToHex(sender.Address.Last20), log.Topics[1]);
        Assert.Equal(new string('0', 24) + Hex.ToHex(recipient.Last20), log.Topics[2]);
        Assert.Equal(12_345_678L.ToString("x64", System.Globalization.CultureInfo.InvariantCulture), log.Data);
        Assert.True(log.TryDecodeTransfer(out var transfer));
        Assert.Equal(new TransferLog(sender.Address, recipient, 12_345_678), transfer);
        Assert.Equal(12_345_678, (long)await _chain.Client.GetTrc20BalanceAsync(_chain.Node.Usdt, recipient));
        Assert.Equal((50 * TestChain.Usdt) - 12_345_678, _chain.Node.GetTokenBalance(_chain.Node.Usdt, sender.Address));
    }

    [Fact]
    public async Task Transfer_beyond_the_token_balance_is_recorded_failed_with_no_log()
    {
        var sender = _chain.FundedKey(usdt: 5 * TestChain.Usdt);
        var recipient = _chain.NewKey().Address;
        var trxBefore = _chain.Node.GetTrxBalance(sender.Address);

        var txId = await _chain.SendAsync(_chain.TokenTransfer(sender.Address, recipient, 5 * TestChain.Usdt + 1), sender);
        _chain.Step();
        var info = await _chain.Client.GetTransactionInfoByIdAsync(txId);
        var tx = await _chain.Client.GetTransactionByIdAsync(txId);

        Assert.NotNull(info);
        Assert.False(info.ContractSucceeded);
        Assert.True(info.Failed);
        Assert.Equal("REVERT", info.Receipt.Result);
        Assert.Equal("REVERT opcode executed", info.ResultMessage);
        Assert.Empty(info.Logs);
        Assert.Equal("REVERT", tx!.ContractRet);
        Assert.Equal(5 * TestChain.Usdt, _chain.Node.GetTokenBalance(_chain.Node.Usdt, sender.Address));
        Assert.Equal(0, _chain.Node.GetTokenBalance(_chain.Node.Usdt, recipient));
        Assert.Equal(trxBefore - info.Fee, _chain.Node.GetTrxBalance(sender.Address));
        Assert.Equal(_chain.Node.Options.RevertEnergy * _chain.Node.Options.EnergyPriceSun, info.Fee);
    }

    [Fact]
    public async Task Energy_is_burned_as_trx_more_for_a_recipient_holding_none()
    {
        var sender = _chain.FundedKey();
        var recipient = _chain.NewKey().Address;
        var before = _chain.Node.GetTrxBalance(sender.Address);

        var first = await _chain.SendAsync(_chain.TokenTransfer(sender.Address, recipient, TestChain.Usdt), sender);
        _chain.Step();
        var second = await _chain.SendAsync(_chain.TokenTransfer(sender.Address, recipient, TestChain.Usdt), sender);
        _chain.Step();
        var toEmpty = (await _chain.Client.GetTransactionInfoByIdAsync(first))!;
        var toHolder = (await _chain.Client.GetTransactionInfoByIdAsync(second))!;

        Assert.Equal(130_285, toEmpty.Receipt.EnergyUsageTotal);
        Assert.Equal(13_028_500, toEmpty.Fee);
        Assert.Equal(64_285, toHolder.Receipt.EnergyUsageTotal);
        Assert.Equal(6_428_500, toHolder.Receipt.EnergyFee);
        Assert.True(toHolder.Receipt.NetUsage > 0);
        Assert.Equal(before - 13_028_500 - 6_428_500, (await _chain.Client.GetAccountAsync(sender.Address))!.BalanceSun);
    }

    [Fact]
    public async Task Fee_limit_below_the_energy_cost_fails_out_of_energy_and_burns_the_limit()
    {
        var sender = _chain.FundedKey();
        var before = _chain.Node.GetTrxBalance(sender.Address);

        var txId = await _chain.SendAsync(_chain.TokenTransfer(sender.Address, _chain.NewKey().Address, TestChain.Usdt, feeLimit: TestChain.Trx), sender);
        _chain.Step();
        var info = (await _chain.Client.GetTransactionInfoByIdAsync(txId))!;

        Assert.Equal("OUT_OF_ENERGY", info.Receipt.Result);
        Assert.True(info.Failed);
        Assert.Empty(info.Logs);
        Assert.StartsWith("Not enough energy", info.ResultMessage, StringComparison.Ordinal);
        Assert.Equal(TestChain.Trx, info.Fee);
        Assert.Equal(before - TestChain.Trx, _chain.Node.GetTrxBalance(sender.Address));
        Assert.Equal(100 * TestChain.Usdt, _chain.Node.GetTokenBalance(_chain.Node.Usdt, sender.Address));
    }

    [Fact]
    public async Task Sender_short_of_trx_for_energy_fails_out_of_energy()
    {
        var sender = _chain.FundedKey(trx: 2 * TestChain.Trx);

        var txId = await _chain.SendAsync(_chain.TokenTransfer(sender.Address, _chain.NewKey().Address, TestChain.Usdt), sender);
        _chain.Step();

        Assert.Equal("OUT_OF_ENERGY", (await _chain.Client.GetTransactionInfoByIdAsync(txId))!.Receipt.Result);
        Assert.Equal(0, _chain.Node.GetTrxBalance(sender.Address));
    }

    [Fact]
    public async Task Energy_price_zero_makes_calls_free()
    {
        using var chain = new TestChain(new DevChainOptions { EnergyPriceSun = 0 });
        var sender = chain.FundedKey(trx: TestChain.Trx);

        var txId = await chain.SendAsync(chain.TokenTransfer(sender.Address, chain.NewKey().Address, TestChain.Usdt, feeLimit: 0), sender);
        chain.Step();

        Assert.True((await chain.Client.GetTransactionInfoByIdAsync(txId))!.ContractSucceeded);
        Assert.Equal(TestChain.Trx, chain.Node.GetTrxBalance(sender.Address));
    }

    [Fact]
    public async Task Fake_usdt_looks_the_same_but_its_log_names_its_own_address()
    {
        var sender = _chain.NewKey();
        _chain.Node.Faucet(sender.Address, FaucetToken.Trx, 100 * TestChain.Trx);
        _chain.Node.Faucet(sender.Address, FaucetToken.FakeUsdt, 10 * TestChain.Usdt);
        _chain.Step();
        var recipient = _chain.NewKey().Address;

        var txId = await _chain.SendAsync(_chain.TokenTransfer(sender.Address, recipient, 10 * TestChain.Usdt, token: _chain.Node.FakeUsdt), sender);
        _chain.Step();
        var info = (await _chain.Client.GetTransactionInfoByIdAsync(txId))!;

        Assert.NotEqual(_chain.Node.Usdt, _chain.Node.FakeUsdt);
        Assert.Equal(6, await _chain.Client.GetTrc20DecimalsAsync(_chain.Node.FakeUsdt));
        Assert.Equal(await Symbol(_chain.Node.Usdt), await Symbol(_chain.Node.FakeUsdt));
        Assert.True(info.ContractSucceeded);
        Assert.Equal(_chain.Node.FakeUsdt, Assert.Single(info.Logs).Address);
        Assert.Equal(0, _chain.Node.GetTokenBalance(_chain.Node.Usdt, recipient));
    }

    [Fact]
    public async Task Router_call_carries_the_usdt_contracts_own_log_inside_another_contracts_transaction()
    {
        var sender = _chain.FundedKey(usdt: 20 * TestChain.Usdt);
        var recipient = _chain.NewKey().Address;

        var txId = await _chain.SendAsync(
            _chain.Call(sender.Address, _chain.Node.Router, DevChainRouter.EncodeRoute(_chain.Node.Usdt, recipient, 7 * TestChain.Usdt)),
            sender);
        _chain.Step();
        var info = (await _chain.Client.GetTransactionInfoByIdAsync(txId))!;
        var tx = (await _chain.Client.GetTransactionByIdAsync(txId))!;

        Assert.True(info.ContractSucceeded);
        Assert.Equal(_chain.Node.Router, info.ContractAddress);
        Assert.Equal(_chain.Node.Router, Assert.IsType<TriggerSmartContract>(tx.ToSignedTransaction().Raw.Contract).ContractAddress);
        Assert.Equal(2, info.Logs.Count);
        Assert.Equal(_chain.Node.Usdt, info.Logs[0].Address);
        Assert.True(info.Logs[0].TryDecodeTransfer(out var transfer));
        Assert.Equal(new TransferLog(sender.Address, recipient, 7 * TestChain.Usdt), transfer);
        Assert.Equal(_chain.Node.Router, info.Logs[1].Address);
        Assert.Equal(DevChainRouter.RoutedTopic0Hex, info.Logs[1].Topics[0]);
        Assert.Equal(7 * TestChain.Usdt, _chain.Node.GetTokenBalance(_chain.Node.Usdt, recipient));
    }

    [Fact]
    public async Task Unknown_function_reverts()
    {
        var sender = _chain.FundedKey();

        var txId = await _chain.SendAsync(_chain.Call(sender.Address, _chain.Node.Usdt, Hex.Parse("deadbeef")), sender);
        _chain.Step();

        Assert.Equal("REVERT", (await _chain.Client.GetTransactionInfoByIdAsync(txId))!.Receipt.Result);
    }

    [Fact]
    public async Task Trx_transfer_activates_the_recipient_and_burns_the_creation_fee()
    {
        var sender = _chain.FundedKey(usdt: 0, trx: 10 * TestChain.Trx);
        var recipient = _chain.NewKey().Address;
        Assert.Null(await _chain.Client.GetAccountAsync(recipient));

        var txId = await _chain.SendAsync(_chain.TrxTransfer(sender.Address, recipient, 3 * TestChain.Trx), sender);
        _chain.Step();
        var info = (await _chain.Client.GetTransactionInfoByIdAsync(txId))!;
        var account = await _chain.Client.GetAccountAsync(recipient);

        Assert.NotNull(account);
        Assert.Equal(3 * TestChain.Trx, account.BalanceSun);
        Assert.Equal(_chain.Node.Head.Timestamp, account.CreateTime);
        Assert.Null(info.Receipt.Result);
        Assert.False(info.Failed);
        Assert.Equal(_chain.Node.Options.CreateAccountFeeSun, info.Fee);
        Assert.Equal(10 * TestChain.Trx - 3 * TestChain.Trx - info.Fee, _chain.Node.GetTrxBalance(sender.Address));
        Assert.Equal("SUCCESS", (await _chain.Client.GetTransactionByIdAsync(txId))!.ContractRet);
    }

    [Fact]
    public async Task Trx_transfer_that_no_longer_fits_when_its_block_comes_is_dropped()
    {
        var sender = _chain.FundedKey(usdt: 0, trx: 10 * TestChain.Trx);
        var first = _chain.FundedKey().Address;
        var second = _chain.FundedKey().Address;
        var a = await _chain.SendAsync(_chain.TrxTransfer(sender.Address, first, 6 * TestChain.Trx), sender);
        var b = await _chain.SendAsync(_chain.TrxTransfer(sender.Address, second, 6 * TestChain.Trx), sender);

        var block = _chain.Step();

        Assert.Equal([a], block.TransactionIds);
        Assert.Null(await _chain.Client.GetTransactionByIdAsync(b));
    }

    private async Task<string> Symbol(TronAddress token) =>
        Assert.Single((await _chain.Client.TriggerConstantContractAsync(Trc20Queries.AnyCaller, token, "symbol()", string.Empty)).ConstantResult);
}
