using Meterchat.Tron.Encoding;
using Meterchat.Tron.Node;
using Meterchat.Tron.Transactions;

namespace Meterchat.DevChain.Tests;

/// <summary>What the dev chain refuses at broadcast, with java-tron's codes.</summary>
public sealed class DevChainBroadcastTests : IDisposable
{
    private readonly TestChain _chain = new();

    public void Dispose() => _chain.Dispose();

    [Fact]
    public async Task Transaction_signed_by_another_key_is_refused_with_SIGERROR()
    {
        var owner = _chain.FundedKey();
        var thief = _chain.NewKey();
        var raw = _chain.TokenTransfer(owner.Address, thief.Address, 5 * TestChain.Usdt);

        var result = await _chain.Client.BroadcastHexAsync(SignedTransaction.Sign(raw, thief).ToHex());

        Assert.False(result.Result);
        Assert.Equal("SIGERROR", result.Code);
        Assert.Contains(thief.Address.ToBase58(), result.Message, StringComparison.Ordinal);
        Assert.Empty(_chain.Node.PendingTransactionIds);
    }

    [Fact]
    public async Task Garbled_signature_is_refused_with_SIGERROR()
    {
        var owner = _chain.FundedKey();
        var signed = SignedTransaction.Sign(_chain.TokenTransfer(owner.Address, _chain.NewKey().Address, 1), owner);
        var bad = signed.Signatures[0].ToArray();
        bad[64] = 7;

        var result = await _chain.Client.BroadcastHexAsync(new SignedTransaction(signed.RawBytes, [bad]).ToHex());

        Assert.Equal("SIGERROR", result.Code);
    }

    [Fact]
    public async Task Unsigned_transaction_is_refused_with_SIGERROR()
    {
        var owner = _chain.FundedKey();
        var raw = _chain.TokenTransfer(owner.Address, _chain.NewKey().Address, 1);

        var result = await _chain.Client.BroadcastHexAsync(new SignedTransaction(raw.Encode(), []).ToHex());

        Assert.Equal("SIGERROR", result.Code);
    }

    [Fact]
    public async Task Signature_with_v_27_28_is_accepted()
    {
        var owner = _chain.FundedKey();
        var signed = SignedTransaction.Sign(_chain.TokenTransfer(owner.Address, _chain.NewKey().Address, 1), owner);
        var tronWeb = signed.Signatures[0].ToArray();
        tronWeb[64] += 27;

        var result = await _chain.Client.BroadcastHexAsync(new SignedTransaction(signed.RawBytes, [tronWeb]).ToHex());

        Assert.True(result.Result, result.Message);
    }

    [Fact]
    public async Task Reference_to_an_unknown_block_is_refused_with_TAPOS_ERROR()
    {
        var owner = _chain.FundedKey();
        var head = _chain.HeadTapos();
        var forged = new Tapos(head.RefBlockBytes, [.. head.RefBlockHash.Reverse()]);
        var raw = _chain.TokenTransfer(owner.Address, _chain.NewKey().Address, 1, tapos: forged);

        var result = await _chain.Client.BroadcastHexAsync(SignedTransaction.Sign(raw, owner).ToHex());

        Assert.Equal("TAPOS_ERROR", result.Code);
    }

    [Fact]
    public async Task Reference_to_a_future_block_is_refused_with_TAPOS_ERROR()
    {
        var owner = _chain.FundedKey();
        var raw = _chain.TokenTransfer(owner.Address, _chain.NewKey().Address, 1, tapos: new Tapos([0x12, 0x34], new byte[8]));

        var result = await _chain.Client.BroadcastHexAsync(SignedTransaction.Sign(raw, owner).ToHex());

        Assert.Equal("TAPOS_ERROR", result.Code);
    }

    [Fact]
    public async Task Reference_to_an_older_recent_block_is_accepted()
    {
        var owner = _chain.FundedKey();
        var old = _chain.HeadTapos();
        _chain.Steps(30);
        var raw = _chain.TokenTransfer(owner.Address, _chain.NewKey().Address, 1, tapos: old);

        var result = await _chain.Client.BroadcastHexAsync(SignedTransaction.Sign(raw, owner).ToHex());

        Assert.True(result.Result, result.Message);
    }

    [Fact]
    public async Task Expired_transaction_is_refused_with_TRANSACTION_EXPIRATION_ERROR()
    {
        var owner = _chain.FundedKey();
        var raw = _chain.TokenTransfer(owner.Address, _chain.NewKey().Address, 1, expiration: _chain.HeadTime);

        var result = await _chain.Client.BroadcastHexAsync(SignedTransaction.Sign(raw, owner).ToHex());

        Assert.Equal("TRANSACTION_EXPIRATION_ERROR", result.Code);
    }

    [Fact]
    public async Task Expiration_more_than_a_day_ahead_is_refused()
    {
        var owner = _chain.FundedKey();
        var raw = _chain.TokenTransfer(owner.Address, _chain.NewKey().Address, 1, expiration: _chain.HeadTime + (long)TimeSpan.FromHours(24).TotalMilliseconds + 1);

        var result = await _chain.Client.BroadcastHexAsync(SignedTransaction.Sign(raw, owner).ToHex());

        Assert.Equal("TRANSACTION_EXPIRATION_ERROR", result.Code);
    }

    [Fact]
    public async Task Rebroadcast_is_a_duplicate_while_pending_and_once_in_a_block()
    {
        var owner = _chain.FundedKey();
        var hex = SignedTransaction.Sign(_chain.TokenTransfer(owner.Address, _chain.NewKey().Address, 1), owner).ToHex();
        Assert.True((await _chain.Client.BroadcastHexAsync(hex)).Result);

        var whilePending = await _chain.Client.BroadcastHexAsync(hex);
        _chain.Step();
        var afterBlock = await _chain.Client.BroadcastHexAsync(hex);

        Assert.True(whilePending.IsDuplicate);
        Assert.True(afterBlock.IsDuplicate);
        Assert.Equal("Dup transaction.", afterBlock.Message);
        Assert.Empty(_chain.Node.PendingTransactionIds);
    }

    [Fact]
    public async Task Sender_never_activated_with_trx_cannot_send()
    {
        var holder = _chain.NewKey();
        _chain.Node.Faucet(holder.Address, Meterchat.DevChain.FaucetToken.Usdt, 10 * TestChain.Usdt);
        _chain.Step();

        var result = await _chain.Client.BroadcastHexAsync(
            SignedTransaction.Sign(_chain.TokenTransfer(holder.Address, _chain.NewKey().Address, 1), holder).ToHex());

        Assert.Equal("CONTRACT_VALIDATE_ERROR", result.Code);
        Assert.Null(await _chain.Client.GetAccountAsync(holder.Address));
        Assert.Equal(10 * TestChain.Usdt, (long)await _chain.Client.GetTrc20BalanceAsync(_chain.Node.Usdt, holder.Address));
    }

    [Fact]
    public async Task Call_to_a_contract_that_does_not_exist_is_refused()
    {
        var owner = _chain.FundedKey();
        var nowhere = TronAddress.Parse("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");

        var result = await _chain.Client.BroadcastHexAsync(
            SignedTransaction.Sign(_chain.TokenTransfer(owner.Address, owner.Address, 1, token: nowhere), owner).ToHex());

        Assert.Equal("CONTRACT_VALIDATE_ERROR", result.Code);
        Assert.Equal("No contract or not a valid smart contract", result.Message);
    }

    [Fact]
    public async Task Trx_transfer_beyond_the_balance_is_refused()
    {
        var owner = _chain.FundedKey(trx: 5 * TestChain.Trx);

        var result = await _chain.Client.BroadcastHexAsync(
            SignedTransaction.Sign(_chain.TrxTransfer(owner.Address, _chain.NewKey().Address, 5 * TestChain.Trx), owner).ToHex());

        Assert.Equal("CONTRACT_VALIDATE_ERROR", result.Code);
        Assert.Contains("balance is not sufficient", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bytes_that_are_not_a_transaction_are_refused()
    {
        var result = await _chain.Client.BroadcastHexAsync("0a0b0c");

        Assert.False(result.Result);
        Assert.Equal("OTHER_ERROR", result.Code);
    }
}
