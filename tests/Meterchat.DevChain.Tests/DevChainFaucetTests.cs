using System.Net.Http.Json;
using System.Text.Json;
using Meterchat.DevChain;
using Meterchat.Tron.Node;

namespace Meterchat.DevChain.Tests;

public sealed class DevChainFaucetTests : IDisposable
{
    private readonly TestChain _chain = new();
    private readonly HttpClient _http;

    public DevChainFaucetTests() => _http = new HttpClient(_chain.Node.CreateHttpHandler()) { BaseAddress = new Uri("http://localhost/devchain/") };

    public void Dispose()
    {
        _http.Dispose();
        _chain.Dispose();
    }

    [Fact]
    public async Task Faucet_sends_usdt_in_a_signed_transaction_that_lands_in_the_next_block()
    {
        var to = _chain.NewKey().Address;

        var txId = _chain.Node.Faucet(to, FaucetToken.Usdt, 250 * TestChain.Usdt);
        var block = _chain.Step();
        var tx = await _chain.Client.GetTransactionByIdAsync(txId);
        var info = await _chain.Client.GetTransactionInfoByIdAsync(txId);

        Assert.Equal([txId], block.TransactionIds);
        Assert.Equal(_chain.Node.FaucetAddress, tx!.ToSignedTransaction().RecoverSigner());
        Assert.True(info!.ContractSucceeded);
        Assert.True(Assert.Single(info.Logs).TryDecodeTransfer(out var transfer));
        Assert.Equal(to, transfer.To);
        Assert.Equal(250 * TestChain.Usdt, (long)await _chain.Client.GetTrc20BalanceAsync(_chain.Node.Usdt, to));
    }

    [Fact]
    public async Task Faucet_endpoint_sends_trx_and_returns_the_txid()
    {
        var to = _chain.NewKey().Address;

        var response = await _http.PostAsJsonAsync("faucet", new { to = to.ToBase58(), token = "TRX", amount = 7 * TestChain.Trx });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var txId = json.RootElement.GetProperty("txid").GetString()!;
        _chain.Step();

        Assert.NotNull(await _chain.Client.GetTransactionInfoByIdAsync(txId));
        Assert.Equal(7 * TestChain.Trx, (await _chain.Client.GetAccountAsync(to))!.BalanceSun);
    }

    [Fact]
    public async Task Faucet_endpoint_explains_a_bad_request()
    {
        var response = await _http.PostAsJsonAsync("faucet", new { to = "TNotAnAddress", amount = 1 });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Contains("address", json.RootElement.GetProperty("Error").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_chain.Node.PendingTransactionIds);
    }

    [Fact]
    public async Task Info_names_the_contracts_and_the_faucet()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync("info"));

        Assert.Equal(DevChainContracts.Usdt.ToBase58(), json.RootElement.GetProperty("usdt").GetString());
        Assert.Equal(DevChainContracts.FakeUsdt.ToBase58(), json.RootElement.GetProperty("fake_usdt").GetString());
        Assert.Equal(_chain.Node.FaucetAddress.ToBase58(), json.RootElement.GetProperty("faucet").GetString());
    }

    [Fact]
    public async Task Faucet_holds_trx_and_both_tokens_at_genesis()
    {
        var faucet = _chain.Node.FaucetAddress;

        Assert.True((await _chain.Client.GetAccountAsync(faucet))!.BalanceSun > 0);
        Assert.True(await _chain.Client.GetTrc20BalanceAsync(_chain.Node.Usdt, faucet) > 0);
        Assert.True(await _chain.Client.GetTrc20BalanceAsync(_chain.Node.FakeUsdt, faucet) > 0);
    }
}
