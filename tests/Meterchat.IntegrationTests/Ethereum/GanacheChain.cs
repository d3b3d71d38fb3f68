using System.Numerics;
using Meterchat.Ethereum;
using NBitcoin;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>
/// The real ganache test.sh starts (MC_TEST_ETH_RPC), with this run's own contracts and addresses: a USDT-like and
/// a USDC-like token (the accepted ones), a third token nobody accepts, and deposit addresses from a fresh mnemonic,
/// so repeated runs against the same node never see each other's transfers. The funder is ganache's first account
/// (the public test mnemonic), which holds the supply of every token deployed here.
/// </summary>
public sealed class GanacheChain : IAsyncLifetime, IDisposable
{
    public const string TestMnemonic = "test test test test test test test test test test test junk";
    public static readonly BigInteger Supply = 1_000_000_000_000; // 1,000,000 tokens of 6 decimals

    private readonly HttpClient _http = new();

    public GanacheChain()
    {
        var url = Environment.GetEnvironmentVariable("MC_TEST_ETH_RPC")
            ?? throw new InvalidOperationException("The Ethereum tests need MC_TEST_ETH_RPC (./test.sh starts ganache and sets it; by hand: source scripts/ganache.sh).");
        Options = new EthereumOptions { RpcUrl = url, ChainId = 1337, Confirmations = 2 };
        Node = new EthereumNode(Options, _http);
        Funder = EthereumDepositKeys.PrivateKeyAt(TestMnemonic, 0);
        FunderAddress = EthereumAddress.Parse(Funder.GetPublicAddress());
        DepositMnemonic = new Mnemonic(Wordlist.English, WordCount.Twelve).ToString();
        DepositKeys = EthereumDepositKeys.FromAccountXpub(EthereumDepositKeys.AccountXpubFromMnemonic(DepositMnemonic));
    }

    public EthereumOptions Options { get; }

    public EthereumNode Node { get; }

    public EthECKey Funder { get; }

    public EthereumAddress FunderAddress { get; }

    public string DepositMnemonic { get; }

    public EthereumDepositKeys DepositKeys { get; }

    public EthereumAddress Usdt { get; private set; } = null!;

    public EthereumAddress Usdc { get; private set; } = null!;

    public EthereumAddress Unaccepted { get; private set; } = null!;

    public Erc20TransferMatch Match(params EthereumAddress[] depositAddresses) => new(
        new HashSet<EthereumAddress>(depositAddresses).Contains,
        new Dictionary<EthereumAddress, string> { [Usdt] = "USDT", [Usdc] = "USDC" });

    public async Task InitializeAsync()
    {
        Usdt = await DeployAsync("Tether USD (test)", "USDT");
        Usdc = await DeployAsync("USD Coin (test)", "USDC");
        Unaccepted = await DeployAsync("Other token (test)", "OTHER");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Node.Dispose();
        _http.Dispose();
    }

    /// <summary>Signs with the next nonce, broadcasts and returns the mined receipt.</summary>
    public async Task<TransactionReceipt> SendAsync(EthECKey key, EthereumAddress? to, BigInteger value, byte[]? data, EthereumFee? fee = null)
    {
        var signed = await Node.SignNextAsync(key, to, value, data, fee, CancellationToken.None);
        await Node.BroadcastAsync(signed.Raw, CancellationToken.None);
        return await MinedAsync(signed.Hash);
    }

    /// <summary>ganache mines each transaction as it arrives; a slower node gets a few seconds.</summary>
    public async Task<TransactionReceipt> MinedAsync(string hash)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await Node.ReceiptAsync(hash, CancellationToken.None) is { } receipt)
            {
                return receipt;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException($"{hash} was not mined within 10 s.");
    }

    /// <summary>Mines empty blocks (ganache's <c>evm_mine</c>): what makes earlier transactions final.</summary>
    public async Task MineAsync(int blocks)
    {
        var web3 = new Nethereum.Web3.Web3(Options.RpcUrl);
        for (var i = 0; i < blocks; i++)
        {
            await web3.Client.SendRequestAsync<string>("evm_mine");
        }
    }

    /// <summary>A fresh key with some ETH for gas (and optionally tokens), like a hot wallet or a customer's wallet.</summary>
    public async Task<EthECKey> FundedKeyAsync(BigInteger wei, EthereumAddress? token = null, BigInteger? tokenUnits = null)
    {
        var key = EthECKey.GenerateKey();
        var address = EthereumAddress.Parse(key.GetPublicAddress());
        await SendAsync(Funder, address, wei, null);
        if (token is not null)
        {
            await SendAsync(Funder, token, 0, EthereumNode.TokenTransferData(address, tokenUnits ?? 0));
        }

        return key;
    }

    private async Task<EthereumAddress> DeployAsync(string name, string symbol)
    {
        var receipt = await SendAsync(Funder, null, 0, TestTokenContract.DeploymentData(name, symbol, Supply));
        Assert.Equal(BigInteger.One, receipt.Status.Value);
        return EthereumAddress.Parse(receipt.ContractAddress);
    }
}
