using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Meterchat.Chain;
using Meterchat.DevChain;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Node;
using Meterchat.Tron.Transactions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Meterchat.IntegrationTests.Chain;

public sealed class ChainFeatureTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Dev_chain_mode_hosts_the_chain_and_points_the_node_client_at_it()
    {
        using var http = factory.CreateClient();
        var node = factory.Services.GetRequiredService<ITronNode>();
        var chain = factory.Services.GetRequiredService<DevChainNode>();

        using var info = JsonDocument.Parse(await http.GetStringAsync(new Uri("/devchain/info", UriKind.Relative)));
        var head = await node.GetNowBlockAsync();

        Assert.Equal(DevChainContracts.Usdt.ToBase58(), info.RootElement.GetProperty("usdt").GetString());
        Assert.Equal(DevChainContracts.Usdt, factory.Services.GetRequiredService<IOptions<ChainOptions>>().Value.Usdt);
        Assert.Equal(chain.Head.Number, head.Number);
        Assert.Equal(6, await node.GetTrc20DecimalsAsync(DevChainContracts.Usdt));
    }

    [Fact]
    public async Task Faucet_over_the_apps_http_lands_in_the_next_block_the_node_client_sees()
    {
        using var http = factory.CreateClient();
        using var key = TronKey.Generate();
        var chain = factory.Services.GetRequiredService<DevChainNode>();

        var response = await http.PostAsJsonAsync(new Uri("/devchain/faucet", UriKind.Relative), new { to = key.Address.ToBase58(), amount = 12_000_000 });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var txId = json.RootElement.GetProperty("txid").GetString()!;
        chain.ProduceBlock();
        var info = await factory.Services.GetRequiredService<ITronNode>().GetTransactionInfoByIdAsync(txId);

        Assert.True(info!.ContractSucceeded);
        Assert.True(Assert.Single(info.Logs).TryDecodeTransfer(out var transfer));
        Assert.Equal(new TransferLog(chain.FaucetAddress, key.Address, 12_000_000), transfer);
    }

    [Fact]
    public void Dev_chain_state_lives_beside_the_database()
    {
        var chain = factory.Services.GetRequiredService<DevChainNode>();
        chain.ProduceBlock();

        var expected = factory.Database.IsPostgres
            ? Path.Combine("data", $"devchain-{new NpgsqlConnectionStringBuilder(factory.Database.ConnectionString).Database}.json")
            : Path.ChangeExtension(new SqliteConnectionStringBuilder(factory.Database.ConnectionString).DataSource, ".devchain.json");
        Assert.Equal(expected, chain.Options.StatePath);
        Assert.True(File.Exists(expected));
    }

    [Fact]
    public async Task Dev_chain_balances_survive_an_app_restart()
    {
        var path = Path.Combine(Path.GetTempPath(), "meterchat-tests", $"restart-{Guid.NewGuid():N}.devchain.json");
        using var key = TronKey.Generate();
        await using (var first = new AppFactory())
        {
            var chain = WithState(first, path).Services.GetRequiredService<DevChainNode>();
            chain.Faucet(key.Address, FaucetToken.Usdt, 3_500_000);
            chain.ProduceBlock();
        }

        await using var second = new AppFactory();
        var node = WithState(second, path).Services.GetRequiredService<ITronNode>();

        Assert.Equal(3_500_000, (long)await node.GetTrc20BalanceAsync(DevChainContracts.Usdt, key.Address));
        File.Delete(path);
    }

    [Fact]
    public async Task Node_mode_uses_the_configured_node_with_its_api_key_and_mainnet_usdt_by_default()
    {
        var fake = new DecimalsNode(6);
        await using var app = factory.WithWebHostBuilder(b => NodeMode(b, fake));
        using var http = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var options = app.Services.GetRequiredService<IOptions<ChainOptions>>().Value;
        var devchain = await http.GetAsync(new Uri("/devchain/info", UriKind.Relative));

        Assert.Equal(Trc20.MainnetUsdt, options.Usdt);
        Assert.Null(app.Services.GetService<DevChainNode>());
        Assert.NotEqual(HttpStatusCode.OK, devchain.StatusCode); // not served: no dev chain in Node mode
        Assert.Equal("https://node.test/wallet/triggerconstantcontract", fake.Requests.Single().Uri);
        Assert.Equal("secret-key", fake.Requests.Single().ApiKey);
    }

    [Fact]
    public async Task Node_mode_refuses_to_start_when_the_contract_is_not_six_decimals()
    {
        await using var app = factory.WithWebHostBuilder(b => NodeMode(b, new DecimalsNode(18)));

        var e = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("18 decimals", e.ToString(), StringComparison.Ordinal);
    }

    private static WebApplicationFactory<Program> WithState(AppFactory app, string path) =>
        app.WithWebHostBuilder(b => b.UseSetting("Chain:DevChain:StatePath", path));

    private static void NodeMode(IWebHostBuilder builder, DecimalsNode node)
    {
        builder.UseSetting("Chain:Mode", "Node");
        builder.UseSetting("Chain:NodeUrl", "https://node.test");
        builder.UseSetting("Chain:ApiKey", "secret-key");
        builder.ConfigureTestServices(services =>
            services.AddHttpClient<ITronNode, TronNodeClient>().ConfigurePrimaryHttpMessageHandler(() => node));
    }

    /// <summary>A node that answers decimals() with a fixed value and records what it was asked.</summary>
    private sealed class DecimalsNode(int decimals) : HttpMessageHandler
    {
        public List<(string Uri, string? ApiKey)> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add((request.RequestUri!.ToString(), request.Headers.TryGetValues(TronNodeClient.ApiKeyHeader, out var v) ? v.Single() : null));
            }

            var json = $$"""{"result":{"result":true},"constant_result":["{{decimals:x64}}"]}""";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
        }
    }
}
