using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using Meterchat.Deposits;
using Meterchat.Deposits.Ethereum;
using Meterchat.Ethereum;
using Meterchat.Ethereum.Development;
using Meterchat.IntegrationTests.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>`dotnet run` with nothing configured: the app's own ganache, the dev tokens, and the test faucet.</summary>
public sealed class DevEthereumNodeTests(DevEthereumApp app) : IClassFixture<DevEthereumApp>
{
    private EthereumNode Node => app.Services.GetRequiredService<EthereumNode>();

    [Fact]
    public async Task Starts_its_own_ganache_and_points_ethereum_at_it_with_the_dev_tokens()
    {
        await app.ReadyAsync();

        var options = app.Services.GetRequiredService<IOptions<EthereumOptions>>().Value;
        Assert.Matches(@"^http://127\.0\.0\.1:\d+$", options.RpcUrl);
        Assert.Equal(1337, options.ChainId);
        Assert.Equal(2, options.Confirmations);
        Assert.Equal(["USDT 0x5FbDB2315678afecb367f032d93F642f64180aa3", "USDC 0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512"],
            options.Tokens.Select(t => $"{t.Symbol} {t.Contract}"));
        Assert.Equal(EthereumDepositKeys.AccountXpubFromMnemonic(DevEthereumChain.DepositMnemonic), options.AccountXpub);

        Assert.Equal(1337, await Node.ChainIdAsync(CancellationToken.None));
        foreach (var token in DevEthereumChain.Tokens)
        {
            Assert.True(await Node.TokenBalanceAsync(token.Contract, DevEthereumChain.DeployerAddress, CancellationToken.None) > 0, $"{token.Symbol} is deployed");
        }

        Assert.Equal("ready", (await Client(await app.CreateVerifiedUserAsync()).GetFromJsonAsync<DevEthereumStatusResponse>("/api/dev/ethereum"))!.State);
    }

    [Fact]
    public async Task Faucet_sends_test_usdc_and_eth_to_the_users_own_deposit_address()
    {
        await app.ReadyAsync();
        var client = Client(await app.CreateVerifiedUserAsync("buyer"));
        var index = (await client.GetFromJsonAsync<DepositAddressResponse>("/api/deposits/address"))!.Index;
        var address = EthereumDepositKeys.FromAccountXpub(DevEthereumChain.DepositAccountXpub).AddressAt((uint)index);

        var usdc = await SendAsync(client, "USDC");
        Assert.Equal(("USDC", "10", address.Checksummed), (usdc.Asset, usdc.Amount, usdc.To));
        var eth = await SendAsync(client, "eth");
        Assert.Equal(("ETH", "0.01"), (eth.Asset, eth.Amount));

        foreach (var hash in new[] { usdc.TxHash, eth.TxHash })
        {
            Assert.Equal(BigInteger.One, (await DevTokenDeployment.MinedAsync(Node, hash, CancellationToken.None)).Status.Value);
        }

        Assert.Equal(new BigInteger(10_000_000), await Node.TokenBalanceAsync(DevEthereumChain.Tokens[1].Contract, address, CancellationToken.None));
        Assert.Equal(BigInteger.Zero, await Node.TokenBalanceAsync(DevEthereumChain.Tokens[0].Contract, address, CancellationToken.None));
        Assert.Equal(BigInteger.Pow(10, 16), await Node.EtherBalanceAsync(address, CancellationToken.None));
    }

    [Theory]
    [InlineData("{\"asset\":\"DOGE\"}")]
    [InlineData("{\"asset\":\"\"}")]
    [InlineData("{}")]
    public async Task Faucet_refuses_an_unknown_or_missing_asset_and_sends_nothing(string body)
    {
        await app.ReadyAsync();
        var client = Client(await app.CreateVerifiedUserAsync());
        var nonce = await Node.PendingNonceAsync(DevEthereumChain.DeployerAddress, CancellationToken.None);

        var response = await client.PostAsync("/api/dev/ethereum/faucet", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
        Assert.Equal(DevEthereumProblems.UnknownAsset, problem.Type);
        Assert.Contains("ETH, USDT, USDC", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(nonce, await Node.PendingNonceAsync(DevEthereumChain.DeployerAddress, CancellationToken.None));
    }

    [Fact]
    public async Task Faucet_refuses_a_body_that_is_not_json_as_a_problem()
    {
        var client = Client(await app.CreateVerifiedUserAsync());
        var response = await client.PostAsync("/api/dev/ethereum/faucet", new StringContent("asset=ETH", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Faucet_and_node_state_need_a_signed_in_user()
    {
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/dev/ethereum/faucet", new { asset = "ETH" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/dev/ethereum")).StatusCode);
    }

    private HttpClient Client((string Email, string Token) user) => app.CreateClient(user.Token);

    private static async Task<DevFaucetResponse> SendAsync(HttpClient client, string asset)
    {
        var response = await client.PostAsJsonAsync("/api/dev/ethereum/faucet", new { asset });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var sent = (await response.Content.ReadFromJsonAsync<DevFaucetResponse>())!;
        Assert.Matches("^0x[0-9a-f]{64}$", sent.TxHash);
        return sent;
    }
}
