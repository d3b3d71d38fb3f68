using System.Net;
using Meterchat.Ethereum;
using Meterchat.Ethereum.Development;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>Where the app starts no Ethereum node: outside Development, with a node URL set, or without the tools.</summary>
public sealed class DevEthereumOffTests
{
    [Fact]
    public async Task Testing_starts_no_node_and_has_no_faucet()
    {
        await using var app = new AppFactory();
        Assert.Null(app.Services.GetService<DevEthereumStatus>());
        Assert.False(app.Services.GetRequiredService<IOptions<EthereumOptions>>().Value.Enabled);

        var client = app.CreateClient((await app.CreateVerifiedUserAsync()).AccessToken);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/dev/ethereum/faucet", JsonContent("{\"asset\":\"ETH\"}"))).StatusCode);
    }

    [Fact]
    public void Development_with_a_node_url_uses_that_node()
    {
        using var host = Build("Development", Directory.GetCurrentDirectory(), ("Ethereum:RpcUrl", "http://127.0.0.1:1"));
        Assert.Null(host.Services.GetService<DevEthereumStatus>());
        Assert.Equal("http://127.0.0.1:1", host.Services.GetRequiredService<IOptions<EthereumOptions>>().Value.RpcUrl);
    }

    [Fact]
    public void Development_without_the_tools_leaves_ethereum_off_and_says_how_to_enable_it()
    {
        var bare = Directory.CreateTempSubdirectory("meterchat-no-tools-").FullName;
        try
        {
            using var host = Build("Development", bare);
            var status = host.Services.GetRequiredService<DevEthereumStatus>();
            Assert.Equal(DevEthereumState.Off, status.State);
            Assert.Contains("Ethereum:RpcUrl", status.Detail, StringComparison.Ordinal);
            Assert.True(status.Ready.IsFaulted);
            Assert.False(host.Services.GetRequiredService<IOptions<EthereumOptions>>().Value.Enabled);
        }
        finally
        {
            Directory.Delete(bare);
        }
    }

    private static StringContent JsonContent(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private static IHost Build(string environment, string contentRoot, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, ContentRootPath = contentRoot });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddEthereum();
        return builder.Build();
    }
}
