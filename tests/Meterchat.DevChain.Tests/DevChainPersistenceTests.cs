using Meterchat.DevChain;
using Meterchat.Tron.Node;
using Meterchat.Tron.Transactions;

namespace Meterchat.DevChain.Tests;

public sealed class DevChainPersistenceTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "meterchat-tests", $"devchain-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task State_survives_a_restart_balances_blocks_receipts_and_pending()
    {
        string landed, pending;
        Tapos before;
        DevChainBlock head;
        Tron.Encoding.TronAddress sender, recipient;
        using (var chain = new TestChain(new DevChainOptions { StatePath = _path }))
        {
            var key = chain.FundedKey(usdt: 30 * TestChain.Usdt);
            sender = key.Address;
            recipient = chain.NewKey().Address;
            landed = await chain.SendAsync(chain.TokenTransfer(sender, recipient, 10 * TestChain.Usdt), key);
            chain.Step();
            before = chain.HeadTapos();
            head = chain.Step();
            pending = await chain.SendAsync(chain.TokenTransfer(sender, recipient, 5 * TestChain.Usdt), key);
            chain.Node.Save();
        }

        using var restarted = new TestChain(new DevChainOptions { StatePath = _path });

        Assert.Equal(head, restarted.Node.Head);
        Assert.Equal(10 * TestChain.Usdt, restarted.Node.GetTokenBalance(restarted.Node.Usdt, recipient));
        Assert.True((await restarted.Client.GetTransactionInfoByIdAsync(landed))!.ContractSucceeded);
        Assert.Equal([pending], restarted.Node.PendingTransactionIds);
        Assert.NotNull(await restarted.Client.GetAccountAsync(sender));

        var next = restarted.Step();
        Assert.Equal(head.Number + 1, next.Number);
        Assert.Equal([pending], next.TransactionIds);
        Assert.Equal(15 * TestChain.Usdt, restarted.Node.GetTokenBalance(restarted.Node.Usdt, recipient));

        var key2 = restarted.FundedKey();
        var result = await restarted.Client.BroadcastHexAsync(SignedTransaction.Sign(restarted.TokenTransfer(key2.Address, recipient, 1, tapos: before), key2).ToHex());
        Assert.True(result.Result, result.Message);
    }

    [Fact]
    public void Every_block_is_written_to_the_state_file()
    {
        using var chain = new TestChain(new DevChainOptions { StatePath = _path });
        var block = chain.Step();

        using var reloaded = new DevChainNode(new DevChainOptions { StatePath = _path }, chain.Time);

        Assert.Equal(block, reloaded.Head);
    }
}
