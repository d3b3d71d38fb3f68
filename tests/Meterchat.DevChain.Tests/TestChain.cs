using System.Numerics;
using Meterchat.DevChain;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Node;
using Meterchat.Tron.Transactions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Meterchat.DevChain.Tests;

/// <summary>A dev chain on a fake clock, stepped by hand, with a node client talking to it in memory.</summary>
internal sealed class TestChain : IDisposable
{
    public const long Usdt = 1_000_000;
    public const long Trx = 1_000_000;

    private readonly List<TronKey> _keys = [];

    public TestChain(DevChainOptions? options = null)
    {
        Node = new DevChainNode(options ?? new DevChainOptions(), Time);
        Client = new TronNodeClient(
            new HttpClient(Node.CreateHttpHandler()) { BaseAddress = new Uri("http://devchain.test/") },
            Options.Create(new TronNodeOptions()));
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    public DevChainNode Node { get; }

    public ITronNode Client { get; }

    /// <summary>Three seconds pass and a block is sealed.</summary>
    public DevChainBlock Step()
    {
        Time.Advance(TimeSpan.FromSeconds(3));
        return Node.ProduceBlock();
    }

    public void Steps(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Step();
        }
    }

    /// <summary>A new key, activated with TRX and holding USDT from the faucet (after one block).</summary>
    public TronKey FundedKey(long usdt = 100 * Usdt, long trx = 100 * Trx)
    {
        var key = NewKey();
        Node.Faucet(key.Address, FaucetToken.Trx, trx);
        if (usdt > 0)
        {
            Node.Faucet(key.Address, FaucetToken.Usdt, usdt);
        }

        Step();
        return key;
    }

    public TronKey NewKey()
    {
        var key = TronKey.Generate();
        _keys.Add(key);
        return key;
    }

    public Tapos HeadTapos()
    {
        var head = Node.Head;
        return Tapos.FromBlock(head.Number, Hex.Parse(head.BlockId));
    }

    public long HeadTime => Node.Head.Timestamp.ToUnixTimeMilliseconds();

    public TransactionRaw TokenTransfer(
        TronAddress from,
        TronAddress to,
        BigInteger amount,
        TronAddress? token = null,
        long feeLimit = 100 * Trx,
        Tapos? tapos = null,
        long? expiration = null) =>
        TransactionRaw.Create(
            tapos ?? HeadTapos(),
            expiration ?? HeadTime + 60_000,
            Time.GetUtcNow().ToUnixTimeMilliseconds(),
            feeLimit,
            new TriggerSmartContract(from, token ?? Node.Usdt, 0, Trc20.EncodeTransfer(to, amount)));

    public TransactionRaw Call(TronAddress from, TronAddress contract, byte[] data, long feeLimit = 100 * Trx) =>
        TransactionRaw.Create(HeadTapos(), HeadTime + 60_000, Time.GetUtcNow().ToUnixTimeMilliseconds(), feeLimit, new TriggerSmartContract(from, contract, 0, data));

    public TransactionRaw TrxTransfer(TronAddress from, TronAddress to, long sun) =>
        TransactionRaw.Create(HeadTapos(), HeadTime + 60_000, Time.GetUtcNow().ToUnixTimeMilliseconds(), 0, new TransferContract(from, to, sun));

    /// <summary>Signs, broadcasts through the node client (broadcasthex), asserts the node took it.</summary>
    public async Task<string> SendAsync(TransactionRaw raw, TronKey key)
    {
        var signed = SignedTransaction.Sign(raw, key);
        var result = await Client.BroadcastHexAsync(signed.ToHex());
        Assert.True(result.Result, $"{result.Code} {result.Message}");
        Assert.Equal(signed.TxIdHex, result.TxId);
        return signed.TxIdHex;
    }

    public void Dispose()
    {
        foreach (var key in _keys)
        {
            key.Dispose();
        }

        Node.Dispose();
    }
}
