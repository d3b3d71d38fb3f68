using System.Net;
using System.Text.Json;
using Meterchat.DevChain;
using Meterchat.Tron.Node;
using Meterchat.Tron.Transactions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meterchat.DevChain.Tests;

/// <summary>The dev chain served by ASP.NET (MapDevChain) on a loopback port, and its JSON shapes.</summary>
public sealed class DevChainHttpTests : IAsyncLifetime
{
    private readonly TestChain _chain = new();
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private TronNodeClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(_chain.Node);
        _app = builder.Build();
        _app.MapDevChain("/devchain");
        await _app.StartAsync();
        var baseUrl = new Uri(_app.Urls.Single() + "/devchain/");
        _http = new HttpClient { BaseAddress = baseUrl };
        _client = new TronNodeClient(new HttpClient(), Options.Create(new TronNodeOptions { BaseUrl = baseUrl }));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        _chain.Dispose();
    }

    [Fact]
    public async Task Node_client_works_over_http_for_every_call()
    {
        var sender = _chain.FundedKey();
        var recipient = _chain.NewKey().Address;
        var head = await _client.GetNowBlockAsync();
        var raw = TransactionRaw.Create(head.ToTapos(), head.Timestamp.ToUnixTimeMilliseconds() + 60_000, head.Timestamp.ToUnixTimeMilliseconds(), 100_000_000, new TriggerSmartContract(sender.Address, _chain.Node.Usdt, 0, Trc20.EncodeTransfer(recipient, 4_000_000UL)));
        var signed = SignedTransaction.Sign(raw, sender);

        var broadcast = await _client.BroadcastHexAsync(signed.ToHex());
        var duplicate = await _client.BroadcastHexAsync(signed.ToHex());
        var block = _chain.Step();

        Assert.True(broadcast.Result);
        Assert.Equal("SUCCESS", broadcast.Code);
        Assert.True(duplicate.IsDuplicate);
        Assert.Equal(signed.TxIdHex, (await _client.GetTransactionByIdAsync(signed.TxIdHex))!.TxId);
        Assert.True((await _client.GetTransactionInfoByIdAsync(signed.TxIdHex))!.ContractSucceeded);
        Assert.Null(await _client.GetTransactionInfoByIdAsync(signed.TxIdHex, NodeView.Solidified));
        Assert.Equal(signed.TxIdHex, Assert.Single(await _client.GetTransactionInfoByBlockNumAsync(block.Number)).Id);
        Assert.Equal(block.Number, (await _client.GetNowBlockAsync()).Number);
        Assert.Equal(0, (await _client.GetNowBlockAsync(NodeView.Solidified)).Number);
        Assert.Equal(4_000_000, (long)await _client.GetTrc20BalanceAsync(_chain.Node.Usdt, recipient));
        Assert.Equal(6, await _client.GetTrc20DecimalsAsync(_chain.Node.Usdt));
        Assert.NotNull(await _client.GetAccountAsync(sender.Address));
        Assert.Null(await _client.GetAccountAsync(recipient));
    }

    [Fact]
    public async Task Visible_true_answers_with_base58_addresses()
    {
        var sender = _chain.FundedKey();
        var txId = _chain.Node.Faucet(sender.Address, FaucetToken.Usdt, 1);
        _chain.Step();

        var tx = await PostJson("wallet/gettransactionbyid", $$"""{"value":"{{txId}}","visible":true}""");
        var info = await PostJson("wallet/gettransactioninfobyid", $$"""{"value":"{{txId}}","visible":true}""");
        var account = await PostJson("wallet/getaccount", $$"""{"address":"{{sender.Address.ToBase58()}}","visible":true}""");

        var value = tx.GetProperty("raw_data").GetProperty("contract")[0].GetProperty("parameter").GetProperty("value");
        Assert.True(tx.GetProperty("visible").GetBoolean());
        Assert.Equal(_chain.Node.FaucetAddress.ToBase58(), value.GetProperty("owner_address").GetString());
        Assert.Equal(_chain.Node.Usdt.ToBase58(), value.GetProperty("contract_address").GetString());
        Assert.Equal(_chain.Node.Usdt.ToBase58(), info.GetProperty("contract_address").GetString());
        Assert.Equal(_chain.Node.Usdt.ToBase58(), info.GetProperty("log")[0].GetProperty("address").GetString());
        Assert.Equal(sender.Address.ToBase58(), account.GetProperty("address").GetString());
    }

    [Fact]
    public async Task Default_answers_use_hex_and_20_byte_log_addresses_like_java_tron()
    {
        var txId = _chain.Node.Faucet(_chain.NewKey().Address, FaucetToken.Usdt, 1);
        _chain.Step();

        var info = await PostJson("wallet/gettransactioninfobyid", $$"""{"value":"{{txId}}"}""");
        var tx = await PostJson("wallet/gettransactionbyid", $$"""{"value":"{{txId}}"}""");

        Assert.Equal(_chain.Node.Usdt.ToHex(), info.GetProperty("contract_address").GetString());
        Assert.Equal(_chain.Node.Usdt.ToHex()[2..], info.GetProperty("log")[0].GetProperty("address").GetString());
        Assert.Equal("SUCCESS", info.GetProperty("receipt").GetProperty("result").GetString());
        Assert.False(info.TryGetProperty("result", out _));
        Assert.Equal("SUCCESS", tx.GetProperty("ret")[0].GetProperty("contractRet").GetString());
        Assert.Equal("type.googleapis.com/protocol.TriggerSmartContract", tx.GetProperty("raw_data").GetProperty("contract")[0].GetProperty("parameter").GetProperty("type_url").GetString());
    }

    [Fact]
    public async Task Get_with_query_works_like_java_tron()
    {
        var answer = await _http.GetStringAsync($"wallet/getaccount?address={_chain.Node.FaucetAddress.ToBase58()}&visible=true");

        using var json = JsonDocument.Parse(answer);
        Assert.Equal(_chain.Node.FaucetAddress.ToBase58(), json.RootElement.GetProperty("address").GetString());
    }

    [Fact]
    public async Task Unknown_function_is_not_found_and_bad_input_is_an_error_body()
    {
        var missing = await _http.PostAsync("wallet/getblockbylatestnum", null);
        var bad = await PostJson("wallet/gettransactioninfobyid", """{"value":"xyz"}""");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.True(bad.TryGetProperty("Error", out _));
    }

    private async Task<JsonElement> PostJson(string path, string body)
    {
        var response = await _http.PostAsync(path, new StringContent(body));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
