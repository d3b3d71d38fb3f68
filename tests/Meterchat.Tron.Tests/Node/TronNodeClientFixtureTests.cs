using System.Net;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Node;
using Meterchat.Tron.Transactions;
using Microsoft.Extensions.Options;

namespace Meterchat.Tron.Tests.Node;

/// <summary>The client reads real node replies (<see cref="NodeFixtures"/>) served at the HttpMessageHandler boundary.</summary>
public sealed class TronNodeClientFixtureTests
{
    private static readonly TronAddress MainnetUsdt = TronAddress.Parse("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");

    private readonly FakeNodeHandler _node = new();

    private TronNodeClient Client(string? apiKey = null) =>
        new(new HttpClient(_node), Options.Create(new TronNodeOptions { BaseUrl = new Uri("https://node.example/"), ApiKey = apiKey }));

    [Fact]
    public async Task Successful_usdt_receipt_is_read_with_its_transfer_log()
    {
        _node.Answer("wallet/gettransactioninfobyid", NodeFixtures.UsdtSuccessInfo);

        var info = await Client().GetTransactionInfoByIdAsync("0130DFDE9281A48378109039EF512229D5359FBEE2A8ADBB17AD73AEBC67EA99");

        Assert.NotNull(info);
        Assert.True(info.ContractSucceeded);
        Assert.False(info.Failed);
        Assert.Equal(69316562, info.BlockNumber);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1738601505000), info.BlockTimestamp);
        Assert.Equal(26420100, info.Fee);
        Assert.Equal(MainnetUsdt, info.ContractAddress);
        Assert.Equal(130285, info.Receipt.EnergyUsageTotal);
        Assert.Equal(345, info.Receipt.NetUsage);
        var log = Assert.Single(info.Logs);
        Assert.Equal(MainnetUsdt, log.Address);
        Assert.True(log.TryDecodeTransfer(out var transfer));
        Assert.Equal(TronAddress.Parse("TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre"), transfer.From);
        Assert.Equal(TronAddress.Parse("TXVj38D1XR3TPgSHTCZGC8wkLDAGqF1oqx"), transfer.To);
        Assert.Equal(41677389, transfer.AmountAsInt64());
        Assert.Contains("\"value\":\"0130dfde9281a48378109039ef512229d5359fbee2a8adbb17ad73aebc67ea99\"", _node.Requests[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_energy_receipt_is_failed_with_its_reason_decoded()
    {
        _node.Answer("wallet/gettransactioninfobyid", NodeFixtures.UsdtOutOfEnergyInfo);

        var info = await Client().GetTransactionInfoByIdAsync("e63a324a43aebfe41273db4f7fdfe325b2257b4f5711595a5fc0f8a75cf1b481");

        Assert.NotNull(info);
        Assert.False(info.ContractSucceeded);
        Assert.True(info.Failed);
        Assert.Equal("OUT_OF_ENERGY", info.Receipt.Result);
        Assert.Empty(info.Logs);
        Assert.StartsWith("Not enough energy for 'SSTORE' operation executing", info.ResultMessage, StringComparison.Ordinal);
        Assert.Equal(16500120, info.Receipt.EnergyFee);
    }

    [Fact]
    public async Task Trx_transfer_info_has_no_receipt_result_and_is_not_a_contract_success()
    {
        _node.Answer("wallet/gettransactioninfobyid", NodeFixtures.TrxTransferInfo);

        var info = await Client().GetTransactionInfoByIdAsync("2389719608ed69f7ec3e72c1abb92acaa43b7175f3062f4ebc6e2e02cc82d0d2");

        Assert.NotNull(info);
        Assert.Null(info.Receipt.Result);
        Assert.False(info.Failed);
        Assert.False(info.ContractSucceeded);
        Assert.Equal(0, info.Fee);
        Assert.Null(info.ContractAddress);
        Assert.Equal(265, info.Receipt.NetUsage);
    }

    [Fact]
    public async Task Visible_true_info_with_base58_addresses_reads_the_same()
    {
        _node.Answer("walletsolidity/gettransactioninfobyid", NodeFixtures.UsdtSuccessInfoVisible);

        var info = await Client().GetTransactionInfoByIdAsync("e122cba603b48ee234807f91859a04dbc4728f1b215d5c9c05385733bca674bc", NodeView.Solidified);

        Assert.NotNull(info);
        Assert.Equal(MainnetUsdt, info.ContractAddress);
        var log = Assert.Single(info.Logs);
        Assert.Equal(MainnetUsdt, log.Address);
        Assert.True(log.TryDecodeTransfer(out var transfer));
        Assert.Equal(TronAddress.Parse("TDii6vao7xyWg2rKPbCPWVRpSmne8xcqYx"), transfer.To);
        Assert.Equal(30401259, transfer.AmountAsInt64());
    }

    [Fact]
    public async Task Transaction_by_id_is_checked_against_its_raw_data_and_decodes()
    {
        _node.Answer("wallet/gettransactionbyid", NodeFixtures.UsdtTransaction);

        var tx = await Client().GetTransactionByIdAsync("e122cba603b48ee234807f91859a04dbc4728f1b215d5c9c05385733bca674bc");

        Assert.NotNull(tx);
        Assert.Equal("SUCCESS", tx.ContractRet);
        var signed = tx.ToSignedTransaction();
        Assert.Equal(TronAddress.Parse("TVy95wrbDgQ8NA3XT8qKqwC6YBsFTPHtFF"), signed.RecoverSigner());
        var call = Assert.IsType<TriggerSmartContract>(signed.Raw.Contract);
        Assert.Equal(MainnetUsdt, call.ContractAddress);
        Assert.Equal(30401259, (long)Trc20.DecodeTransfer(call.Data).Amount);
    }

    [Fact]
    public async Task Visible_true_transaction_is_read_from_its_raw_data_hex()
    {
        _node.Answer("wallet/gettransactionbyid", NodeFixtures.TrxTransactionVisible);

        var tx = await Client().GetTransactionByIdAsync("17821228a79904c23bd35e566f320c2d43e6940c0d44bc8d70f257f3485459bb");

        Assert.NotNull(tx);
        var transfer = Assert.IsType<TransferContract>(tx.ToSignedTransaction().Raw.Contract);
        Assert.Equal(TronAddress.Parse("TEiMQZpHs4N4HuTKP3xcCKZ68XSQSfEbMW"), transfer.To);
        Assert.Equal(1000, transfer.AmountSun);
    }

    [Fact]
    public async Task Transaction_whose_raw_data_is_not_the_asked_txid_is_refused()
    {
        _node.Answer("wallet/gettransactionbyid", NodeFixtures.UsdtTransaction);

        var e = await Assert.ThrowsAsync<TronNodeException>(() =>
            Client().GetTransactionByIdAsync("17821228a79904c23bd35e566f320c2d43e6940c0d44bc8d70f257f3485459bb"));
        Assert.Contains("e122cba6", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_object_means_not_found()
    {
        _node.Answer("wallet/gettransactionbyid", NodeFixtures.NotFound)
            .Answer("wallet/gettransactioninfobyid", NodeFixtures.NotFound)
            .Answer("walletsolidity/gettransactioninfobyid", string.Empty)
            .Answer("wallet/getaccount", NodeFixtures.NotFound)
            .Answer("wallet/gettransactioninfobyblocknum", NodeFixtures.NotFound);
        var client = Client();
        var id = new string('a', 64);

        Assert.Null(await client.GetTransactionByIdAsync(id));
        Assert.Null(await client.GetTransactionInfoByIdAsync(id));
        Assert.Null(await client.GetTransactionInfoByIdAsync(id, NodeView.Solidified));
        Assert.Null(await client.GetAccountAsync(TronAddress.Parse("TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre")));
        Assert.Empty(await client.GetTransactionInfoByBlockNumAsync(5));
    }

    [Fact]
    public async Task Block_infos_come_back_as_a_list()
    {
        _node.Answer("wallet/gettransactioninfobyblocknum", $"[{NodeFixtures.UsdtSuccessInfo},{NodeFixtures.UsdtOutOfEnergyInfo}]");

        var infos = await Client().GetTransactionInfoByBlockNumAsync(69316562);

        Assert.Equal(2, infos.Count);
        Assert.True(infos[0].ContractSucceeded);
        Assert.Equal("OUT_OF_ENERGY", infos[1].Receipt.Result);
        Assert.Equal("{\"num\":69316562}", _node.Requests[0].Body);
    }

    [Fact]
    public async Task Now_block_gives_number_id_timestamp_and_tapos()
    {
        _node.Answer("walletsolidity/getnowblock", NodeFixtures.NileNowBlock);

        var block = await Client().GetNowBlockAsync(NodeView.Solidified);

        Assert.Equal(66987565, block.Number);
        Assert.Equal("0000000003fe262d52bfa4b2814f816fd2e57af5b98a33d60d8630a03a908e0e", block.BlockId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1777445121000), block.Timestamp);
        var tapos = block.ToTapos();
        Assert.Equal("262d", Hex.ToHex(tapos.RefBlockBytes));
        Assert.Equal("52bfa4b2814f816f", Hex.ToHex(tapos.RefBlockHash));
    }

    [Fact]
    public async Task Block_whose_id_names_another_number_is_refused()
    {
        _node.Answer("wallet/getnowblock", NodeFixtures.NileNowBlock.Replace("66987565", "66987566", StringComparison.Ordinal));

        await Assert.ThrowsAsync<TronNodeException>(() => Client().GetNowBlockAsync());
    }

    [Fact]
    public async Task Account_balance_is_read_in_sun()
    {
        _node.Answer("wallet/getaccount", NodeFixtures.AccountVisible);
        var address = TronAddress.Parse("TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre");

        var account = await Client().GetAccountAsync(address);

        Assert.NotNull(account);
        Assert.Equal(address, account.Address);
        Assert.Equal(35_000_000, account.BalanceSun);
        Assert.Contains(address.ToHex(), _node.Requests[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decimals_are_read_from_the_constant_call()
    {
        _node.Answer("wallet/triggerconstantcontract", NodeFixtures.DecimalsSix);

        Assert.Equal(6, await Client().GetTrc20DecimalsAsync(MainnetUsdt));
        Assert.Contains("\"function_selector\":\"decimals()\"", _node.Requests[0].Body, StringComparison.Ordinal);
        Assert.Contains(MainnetUsdt.ToHex(), _node.Requests[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_constant_call_throws_with_the_nodes_reason()
    {
        _node.Answer("wallet/triggerconstantcontract", """{"result":{"code":"CONTRACT_VALIDATE_ERROR","message":"4e6f20636f6e7472616374206f72206e6f7420612076616c696420736d61727420636f6e7472616374"}}""");

        var e = await Assert.ThrowsAsync<TronNodeException>(() => Client().GetTrc20BalanceAsync(MainnetUsdt, MainnetUsdt));
        Assert.Contains("No contract or not a valid smart contract", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_broadcast_is_recognised_and_its_message_decoded()
    {
        _node.Answer("wallet/broadcasthex", NodeFixtures.BroadcastDuplicate);

        var result = await Client().BroadcastHexAsync("0a85010a027b3b");

        Assert.False(result.Result);
        Assert.True(result.IsDuplicate);
        Assert.Equal("Dup transaction.", result.Message);
        Assert.Equal("dc6f6d9325ee44ab3c00528472be16e1572ab076aa161ccd12515029869d0451", result.TxId);
        Assert.Equal("{\"transaction\":\"0a85010a027b3b\"}", _node.Requests[0].Body);
    }

    [Fact]
    public async Task Error_body_is_an_exception()
    {
        _node.Answer("wallet/getnowblock", """{"Error":"class java.lang.IllegalArgumentException : bad"}""");

        var e = await Assert.ThrowsAsync<TronNodeException>(() => Client().GetNowBlockAsync());
        Assert.Contains("IllegalArgumentException", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_key_goes_in_the_trongrid_header()
    {
        _node.Answer("wallet/getnowblock", NodeFixtures.NileNowBlock);

        await Client(apiKey: "k-123").GetNowBlockAsync();

        Assert.Equal("k-123", Assert.Single(_node.Requests[0].Request.Headers.GetValues("TRON-PRO-API-KEY")));
    }

    [Fact]
    public async Task Http_error_carries_the_status()
    {
        _node.Answer("wallet/getnowblock", "busy", HttpStatusCode.ServiceUnavailable);

        var e = await Assert.ThrowsAsync<TronNodeException>(() => Client().GetNowBlockAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
    }

    [Fact]
    public async Task Malformed_txid_is_refused_before_any_request()
    {
        await Assert.ThrowsAsync<FormatException>(() => Client().GetTransactionInfoByIdAsync("not-a-txid"));
        Assert.Empty(_node.Requests);
    }
}
