using System.Net.Http.Json;
using System.Net.Sockets;
using System.Numerics;
using Meterchat.Deposits;
using Meterchat.Ethereum;
using Meterchat.Ethereum.Development;
using Meterchat.IntegrationTests.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>The app owns its ganache: stopping the app stops it, and the next start finds the same chain.</summary>
public sealed class DevEthereumRestartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("meterchat-ganache-").FullName;

    [Fact]
    public async Task Dev_deposits_survive_a_restart_and_the_node_stops_with_the_app()
    {
        EthereumAddress address;
        BigInteger nonce;
        int port;
        await using (var first = new DevEthereumApp(_folder))
        {
            await first.ReadyAsync();
            var client = first.CreateClient((await first.CreateVerifiedUserAsync("buyer")).AccessToken);
            var index = (await client.GetFromJsonAsync<DepositAddressResponse>("/api/deposits/address"))!.Index;
            address = EthereumDepositKeys.FromAccountXpub(DevEthereumChain.DepositAccountXpub).AddressAt((uint)index);
            var sent = await client.PostAsJsonAsync("/api/dev/ethereum/faucet", new { asset = "USDT" });
            Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
            var node = first.Services.GetRequiredService<EthereumNode>();
            await DevTokenDeployment.MinedAsync(node, (await sent.Content.ReadFromJsonAsync<DevFaucetResponseShape>())!.TxHash, CancellationToken.None);
            nonce = await node.PendingNonceAsync(DevEthereumChain.DeployerAddress, CancellationToken.None);
            port = new Uri(node.Options.RpcUrl!).Port;
        }

        using (var probe = new TcpClient())
        {
            await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync("127.0.0.1", port));
        }

        await using var second = new DevEthereumApp(_folder);
        await second.ReadyAsync();
        var again = second.Services.GetRequiredService<EthereumNode>();
        Assert.Equal(new BigInteger(10_000_000), await again.TokenBalanceAsync(DevEthereumChain.Tokens[0].Contract, address, CancellationToken.None));
        Assert.Equal(nonce, await again.PendingNonceAsync(DevEthereumChain.DeployerAddress, CancellationToken.None));
        Assert.Equal(DevEthereumChain.Tokens[0].Contract.Checksummed, second.Services.GetRequiredService<IOptions<EthereumOptions>>().Value.Tokens[0].Contract);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed record DevFaucetResponseShape(string TxHash);
}
