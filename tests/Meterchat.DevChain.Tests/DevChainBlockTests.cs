using System.Buffers.Binary;
using System.Text.Json;
using Meterchat.DevChain;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Node;
using Meterchat.Tron.Transactions;

namespace Meterchat.DevChain.Tests;

/// <summary>Blocks: ids, chaining, the solidified head's lag, expiry in the pending pool.</summary>
public sealed class DevChainBlockTests : IDisposable
{
    private readonly TestChain _chain = new();

    public void Dispose() => _chain.Dispose();

    [Fact]
    public async Task Block_ids_start_with_their_number_and_chain_to_the_parent()
    {
        var parent = _chain.Step();
        var block = _chain.Step();
        var http = new HttpClient(_chain.Node.CreateHttpHandler()) { BaseAddress = new Uri("http://devchain.test/") };

        using var json = JsonDocument.Parse(await (await http.PostAsync("wallet/getnowblock", null)).Content.ReadAsStringAsync());
        var raw = json.RootElement.GetProperty("block_header").GetProperty("raw_data");

        Assert.Equal(block.Number, BinaryPrimitives.ReadInt64BigEndian(Hex.Parse(block.BlockId)));
        Assert.Equal(block.BlockId, json.RootElement.GetProperty("blockID").GetString());
        Assert.Equal(parent.BlockId, raw.GetProperty("parentHash").GetString());
        Assert.Equal(block.Timestamp.ToUnixTimeMilliseconds(), raw.GetProperty("timestamp").GetInt64());
        Assert.Equal(block.Number, (await _chain.Client.GetNowBlockAsync()).Number);
        Assert.Equal(TimeSpan.FromSeconds(3), block.Timestamp - parent.Timestamp);
    }

    [Fact]
    public async Task Solidified_head_trails_the_head_by_nineteen_blocks()
    {
        var sender = _chain.FundedKey();
        var txId = await _chain.SendAsync(_chain.TokenTransfer(sender.Address, _chain.NewKey().Address, TestChain.Usdt), sender);
        var landed = _chain.Step();

        _chain.Steps(18);
        var head = await _chain.Client.GetNowBlockAsync();
        var solid = await _chain.Client.GetNowBlockAsync(NodeView.Solidified);
        var notYet = await _chain.Client.GetTransactionInfoByIdAsync(txId, NodeView.Solidified);
        _chain.Step();
        var final = await _chain.Client.GetTransactionInfoByIdAsync(txId, NodeView.Solidified);

        Assert.Equal(head.Number - 19, solid.Number);
        Assert.Equal(_chain.Node.GetBlock(solid.Number)!.BlockId, solid.BlockId);
        Assert.NotNull(await _chain.Client.GetTransactionInfoByIdAsync(txId));
        Assert.Null(notYet);
        Assert.NotNull(final);
        Assert.Equal(landed.Number, _chain.Node.SolidifiedHead.Number);
    }

    [Fact]
    public async Task Solidity_lag_is_configurable()
    {
        using var chain = new TestChain(new DevChainOptions { SolidityLag = 2 });
        chain.Steps(5);

        Assert.Equal(3, (await chain.Client.GetNowBlockAsync(NodeView.Solidified)).Number);
        Assert.Equal(0, _chain.Node.SolidifiedHead.Number);
    }

    [Fact]
    public async Task Pending_transaction_that_expires_before_a_block_is_dropped()
    {
        var sender = _chain.FundedKey();
        var txId = await _chain.SendAsync(
            _chain.TokenTransfer(sender.Address, _chain.NewKey().Address, TestChain.Usdt, expiration: _chain.HeadTime + 2_000),
            sender);

        var block = _chain.Step();

        Assert.Empty(block.TransactionIds);
        Assert.Null(await _chain.Client.GetTransactionByIdAsync(txId));
        Assert.Empty(_chain.Node.PendingTransactionIds);
    }

    [Fact]
    public async Task Block_infos_list_every_transaction_of_the_block_failed_ones_too()
    {
        var sender = _chain.FundedKey(usdt: 5 * TestChain.Usdt);
        var ok = await _chain.SendAsync(_chain.TokenTransfer(sender.Address, _chain.NewKey().Address, TestChain.Usdt), sender);
        var failed = await _chain.SendAsync(_chain.TokenTransfer(sender.Address, _chain.NewKey().Address, 50 * TestChain.Usdt), sender);
        var block = _chain.Step();
        var empty = _chain.Step();

        var infos = await _chain.Client.GetTransactionInfoByBlockNumAsync(block.Number);

        Assert.Equal([ok, failed], infos.Select(i => i.Id));
        Assert.True(infos[0].ContractSucceeded);
        Assert.True(infos[1].Failed);
        Assert.Empty(await _chain.Client.GetTransactionInfoByBlockNumAsync(empty.Number));
        Assert.Empty(await _chain.Client.GetTransactionInfoByBlockNumAsync(empty.Number + 100));
    }

    [Fact]
    public void Block_timestamps_move_forward_even_when_the_clock_does_not()
    {
        var a = _chain.Node.ProduceBlock();
        var b = _chain.Node.ProduceBlock();

        Assert.True(b.Timestamp > a.Timestamp);
    }

    [Fact]
    public void Tapos_of_the_head_is_what_the_library_computes()
    {
        var head = _chain.Step();

        Assert.Equal(Tapos.FromBlock(head.Number, Hex.Parse(head.BlockId)), _chain.HeadTapos());
    }
}
