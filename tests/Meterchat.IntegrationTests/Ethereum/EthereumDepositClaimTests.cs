using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using Meterchat.Deposits.Ethereum;
using Meterchat.Ethereum;
using Meterchat.IntegrationTests.Infrastructure;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>Pasted Ethereum tx hashes against real transfers on ganache: every outcome, ETH at the fixed price, accumulation, the audit.</summary>
[Collection(GanacheCollection.Name)]
public sealed class EthereumDepositClaimTests(GanacheChain chain) : IDisposable
{
    private readonly EthereumApp _app = new(chain);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_caller_sees_their_eip55_address_the_chain_the_assets_and_the_fixed_quote()
    {
        var user = await _app.NewUserAsync();
        using var json = JsonDocument.Parse(await user.Client.GetStringAsync("/api/deposits/ethereum"));
        var root = json.RootElement;

        Assert.True(root.GetProperty("enabled").GetBoolean());
        Assert.Equal(_app.Keys.AddressAt(0).Checksummed, root.GetProperty("address").GetString());
        Assert.Equal(1337, root.GetProperty("chainId").GetInt64());
        Assert.Equal(2, root.GetProperty("confirmations").GetInt32());
        var assets = root.GetProperty("assets").EnumerateArray().ToList();
        Assert.Equal(["USDT", "USDC", "ETH"], assets.Select(a => a.GetProperty("asset").GetString()));
        Assert.Equal(chain.Usdt.Checksummed, assets[0].GetProperty("contract").GetString());
        Assert.Equal(JsonValueKind.Null, assets[2].GetProperty("contract").ValueKind);
        Assert.Equal("3", assets[0].GetProperty("minimum").GetString());
        Assert.Equal("0.001", assets[2].GetProperty("minimum").GetString());
        Assert.Equal(EthereumApp.MicrosPerEther, root.GetProperty("quote").GetProperty("microsPerEther").GetInt64());
        Assert.Equal("fixed", root.GetProperty("quote").GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_usdt_transfer_is_pending_until_final_then_credited_once_and_the_audit_balances()
    {
        var user = await _app.NewUserAsync();
        var receipt = await chain.SendAsync(chain.Funder, chain.Usdt, 0, EthereumNode.TokenTransferData(user.Address, 25_000_000));

        var pending = await user.ClaimAsync(receipt.TransactionHash);
        Assert.Equal(HttpStatusCode.OK, pending.StatusCode);
        var body = await pending.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", body.GetProperty("status").GetString());
        var credit = body.GetProperty("credits")[0];
        Assert.Equal("USDT", credit.GetProperty("asset").GetString());
        Assert.Equal("25000000", credit.GetProperty("units").GetString());
        Assert.Equal(JsonValueKind.Null, credit.GetProperty("amount").ValueKind);
        Assert.Equal(0, credit.GetProperty("confirmations").GetInt64());
        Assert.Equal(2, credit.GetProperty("required").GetInt64());
        Assert.Equal(0, await user.WalletAsync());

        await chain.MineAsync(2);
        body = await (await user.ClaimAsync(receipt.TransactionHash.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("credited", body.GetProperty("status").GetString());
        Assert.Equal(25_000_000, body.GetProperty("credits")[0].GetProperty("amount").GetInt64());

        // Pasting it again changes nothing.
        Assert.Equal("credited", (await (await user.ClaimAsync(receipt.TransactionHash)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(25_000_000, await user.WalletAsync());
        Assert.Equal(25_000_000, await _app.CreditedDepositsAsync());
        var item = Assert.Single(await user.HistoryAsync());
        Assert.Equal(("ethereum", "USDT", "25000000", "credited"), (item.Network, item.Asset, item.Units, item.Status));
        Assert.Equal("25 USDT", item.Shown);
        Assert.True((await _app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task Eth_is_credited_at_the_fixed_price_and_the_price_is_stored_and_shown()
    {
        var user = await _app.NewUserAsync();
        var receipt = await chain.SendAsync(chain.Funder, user.Address, BigInteger.Pow(10, 17) * 3, null); // 0.3 ETH
        await chain.MineAsync(2);

        var body = await (await user.ClaimAsync(receipt.TransactionHash)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("credited", body.GetProperty("status").GetString());
        Assert.Equal(900_000_000, body.GetProperty("credits")[0].GetProperty("amount").GetInt64()); // 0.3 × 3,000 USDT
        Assert.Equal(900_000_000, await user.WalletAsync());
        var row = Assert.Single(await _app.RowsAsync(receipt.TransactionHash));
        Assert.Equal((EthereumDeposit.EtherLogIndex, "ETH", EthereumApp.MicrosPerEther, "fixed"), (row.LogIndex, row.Asset, row.MicrosPerEther, row.PriceSource));
        Assert.Equal(_app.Factory.Time.GetUtcNow(), row.PricedAt);
        var item = Assert.Single(await user.HistoryAsync());
        Assert.Equal(EthereumApp.MicrosPerEther, item.MicrosPerEther);
        Assert.Equal("0.3 ETH at 3000.00 USDT/ETH", item.Shown);
        Assert.True((await _app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task Two_transfers_below_the_minimum_accumulate_and_are_credited_together()
    {
        var user = await _app.NewUserAsync();
        var first = await chain.SendAsync(chain.Funder, chain.Usdc, 0, EthereumNode.TokenTransferData(user.Address, 2_000_000));
        var second = await chain.SendAsync(chain.Funder, chain.Usdc, 0, EthereumNode.TokenTransferData(user.Address, 1_500_000));
        await chain.MineAsync(2);

        var body = await (await user.ClaimAsync(first.TransactionHash)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("accumulating", body.GetProperty("status").GetString());
        Assert.Equal(0, await user.WalletAsync());
        Assert.Equal("below-minimum", Assert.Single(await user.HistoryAsync()).Status);

        body = await (await user.ClaimAsync(second.TransactionHash)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("credited", body.GetProperty("status").GetString());
        Assert.Equal(3_500_000, await user.WalletAsync());
        Assert.All(await user.HistoryAsync(), i => Assert.Equal("credited", i.Status));
        Assert.True((await _app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task Every_refusal_has_its_own_problem_type_and_changes_nothing()
    {
        var user = await _app.NewUserAsync();
        var other = await _app.NewUserAsync();
        var fee = await chain.Node.EstimateTokenTransferFeeAsync(chain.FunderAddress, chain.Usdt, chain.FunderAddress, 1, CancellationToken.None);
        var blocked = chain.DepositKeys.AddressAt(40);
        await chain.SendAsync(chain.Funder, chain.Usdt, 0, TestTokenContract.SetBlockedData(blocked, true));
        var reverted = await chain.SendAsync(chain.Funder, chain.Usdt, 0, EthereumNode.TokenTransferData(blocked, 5_000_000), fee);
        var otherToken = await chain.SendAsync(chain.Funder, chain.Unaccepted, 0, EthereumNode.TokenTransferData(user.Address, 5_000_000));
        var elsewhere = await chain.SendAsync(chain.Funder, chain.Usdt, 0, EthereumNode.TokenTransferData(chain.DepositKeys.AddressAt(41), 5_000_000));
        var noTransfer = await chain.SendAsync(chain.Funder, chain.Usdt, 0, TestTokenContract.SetBlockedData(chain.DepositKeys.AddressAt(42), true));
        var someoneElse = await chain.SendAsync(chain.Funder, chain.Usdt, 0, EthereumNode.TokenTransferData(other.Address, 5_000_000));
        await chain.MineAsync(2);

        await AssertProblem(user.ClaimAsync("0x1234"), HttpStatusCode.BadRequest, EthereumDepositProblems.MalformedType);
        await AssertProblem(user.ClaimAsync("0x" + new string('7', 64)), HttpStatusCode.NotFound, EthereumDepositProblems.NotMinedType);
        await AssertProblem(user.ClaimAsync(reverted.TransactionHash), HttpStatusCode.UnprocessableEntity, EthereumDepositProblems.RevertedType);
        await AssertProblem(user.ClaimAsync(otherToken.TransactionHash), HttpStatusCode.UnprocessableEntity, EthereumDepositProblems.OtherTokenType);
        await AssertProblem(user.ClaimAsync(elsewhere.TransactionHash), HttpStatusCode.UnprocessableEntity, EthereumDepositProblems.OtherAddressType);
        await AssertProblem(user.ClaimAsync(noTransfer.TransactionHash), HttpStatusCode.UnprocessableEntity, EthereumDepositProblems.NoTransferType);
        await AssertProblem(user.ClaimAsync(someoneElse.TransactionHash), HttpStatusCode.UnprocessableEntity, EthereumDepositProblems.SomeoneElsesAddressType);

        Assert.Equal(0, await user.WalletAsync());
        Assert.Empty(await user.HistoryAsync());
        // The paste found the other user's deposit: it is theirs.
        Assert.Equal(5_000_000, await other.WalletAsync());
        Assert.True((await _app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task With_ethereum_off_the_claim_is_a_503_problem_and_the_info_says_disabled()
    {
        using var factory = new AppFactory();
        var (_, token) = await Accounts.AccountsApi.CreateVerifiedUserAsync(factory, "buyer");
        using var client = Accounts.AccountsApi.CreateClient(factory, token);

        var info = await client.GetFromJsonAsync<EthereumDepositInfo>("/api/deposits/ethereum");
        Assert.False(info!.Enabled);
        Assert.Null(info.Address);
        await AssertProblem(client.PostAsJsonAsync("/api/deposits/ethereum/claims", new { txHash = "0x" + new string('7', 64) }),
            HttpStatusCode.ServiceUnavailable, EthereumDepositProblems.OffType);
    }

    private static async Task AssertProblem(Task<HttpResponseMessage> request, HttpStatusCode status, string type)
    {
        using var response = await request;
        Assert.Equal(status, response.StatusCode);
        var problem = await StrictJson.AssertProblemAsync(response);
        Assert.Equal(type, problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
    }
}
