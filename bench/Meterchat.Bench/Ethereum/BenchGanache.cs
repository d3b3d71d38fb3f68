using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meterchat.Ethereum;
using Nethereum.Signer;

namespace Meterchat.Bench.Ethereum;

/// <summary>
/// The ganache the Ethereum modes run against (--rpc URL, else MC_TEST_ETH_RPC as exported by scripts/ganache.sh and
/// test.sh) and what the tool does on it that the app never does: deploy its own test tokens, sign transfers with
/// nonces it counts itself, send them in JSON-RPC batches, and pack them into blocks (miner_stop, evm_mine).
/// </summary>
internal sealed class BenchGanache : IDisposable
{
    /// <summary>ganache's test accounts (the public test mnemonic): they fund the tool's own keys.</summary>
    private const string TestMnemonic = "test test test test test test test test test test test junk";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(5) };
    private long _nonce;

    private BenchGanache(string url)
    {
        Url = url;
        Options = new EthereumOptions { RpcUrl = url, ChainId = 1337, Confirmations = 0 };
        Node = new EthereumNode(Options, _http);
    }

    public string Url { get; }

    public EthereumOptions Options { get; }

    public EthereumNode Node { get; }

    /// <summary>The tool's own key: holds the tokens it deploys and signs every transfer (nonces counted here).</summary>
    public EthECKey Sender { get; } = EthECKey.GenerateKey();

    public EthereumAddress SenderAddress => EthereumAddress.Parse(Sender.GetPublicAddress());

    /// <summary>A generous fixed fee for a token transfer (ganache's base fee is tiny; a first transfer to an address costs ~52,000 gas).</summary>
    public static EthereumFee TransferFee { get; } = new(BigInteger.Pow(10, 10), BigInteger.Pow(10, 9), 80_000);

    public static string? UrlFrom(string[] args)
    {
        var i = Array.IndexOf(args, "--rpc");
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : Environment.GetEnvironmentVariable("MC_TEST_ETH_RPC");
    }

    /// <summary>Connects and funds the tool's sender with <paramref name="wei"/>. Null (with a message) when no node is given.</summary>
    public static async Task<BenchGanache?> ConnectAsync(string[] args, BigInteger wei)
    {
        var url = UrlFrom(args);
        if (string.IsNullOrWhiteSpace(url))
        {
            Console.Error.WriteLine("No Ethereum node: pass --rpc http://127.0.0.1:PORT or start one with `source scripts/ganache.sh` (exports MC_TEST_ETH_RPC).");
            return null;
        }

        var ganache = new BenchGanache(url);
        if (await ganache.Node.ChainIdAsync(CancellationToken.None) != 1337)
        {
            throw new InvalidOperationException($"{url} is not a ganache with chain id 1337 (scripts/ganache.sh).");
        }

        await ganache.FundAsync(ganache.SenderAddress, wei);
        return ganache;
    }

    /// <summary>
    /// Sends ETH from one of ganache's ten test accounts: the last that can pay (the tests fund from account 0, and a
    /// long-lived node's accounts run dry one after another).
    /// </summary>
    public async Task FundAsync(EthereumAddress to, BigInteger wei)
    {
        for (var index = 9; index >= 0; index--)
        {
            var funder = EthereumDepositKeys.PrivateKeyAt(TestMnemonic, (uint)index);
            if (await Node.EtherBalanceAsync(EthereumAddress.Parse(funder.GetPublicAddress()), CancellationToken.None) > wei + BigInteger.Pow(10, 18))
            {
                var funding = await Node.SignNextAsync(funder, to, wei, null, null, CancellationToken.None);
                await Node.BroadcastAsync(funding.Raw, CancellationToken.None);
                await MinedAsync(funding.Hash);
                return;
            }
        }

        throw new InvalidOperationException("No test account of this ganache has the ETH left to fund the tool: restart it (scripts/ganache.sh).");
    }

    /// <summary>A TestToken (6 decimals) with the whole supply on the tool's sender.</summary>
    public async Task<EthereumAddress> DeployTokenAsync(string name, string symbol, BigInteger supply)
    {
        var signed = Sign(null, TestTokenContract.DeploymentData(name, symbol, supply), new EthereumFee(BigInteger.Pow(10, 10), BigInteger.Pow(10, 9), 3_000_000));
        await Node.BroadcastAsync(signed.Raw, CancellationToken.None);
        var receipt = await MinedAsync(signed.Hash);
        return receipt.Status.Value == BigInteger.One ? EthereumAddress.Parse(receipt.ContractAddress) : throw new InvalidOperationException($"Deploying {symbol} reverted.");
    }

    /// <summary>Signs a token transfer from the tool's sender with the next nonce it counts (no node call).</summary>
    public SignedEthereumTransaction SignTransfer(EthereumAddress token, EthereumAddress to, BigInteger units) =>
        Sign(token, EthereumNode.TokenTransferData(to, units), TransferFee);

    /// <summary>Sends signed transactions in one JSON-RPC batch; throws on the first refusal.</summary>
    public async Task SendAsync(IReadOnlyList<SignedEthereumTransaction> transactions)
    {
        var batch = new JsonArray([.. transactions.Select((t, i) => (JsonNode)Request("eth_sendRawTransaction", i, "0x" + Convert.ToHexStringLower(t.Raw)))]);
        foreach (var answer in await PostAsync(batch))
        {
            if (answer?["error"] is { } error)
            {
                throw new InvalidOperationException($"ganache refused a transfer: {error.ToJsonString()}");
            }
        }
    }

    /// <summary>Stops mining as transactions arrive: they wait in the pool until <see cref="MineAsync"/>.</summary>
    public Task StopMinerAsync() => CallAsync("miner_stop");

    public Task StartMinerAsync() => CallAsync("miner_start");

    /// <summary>Mines one block with what is pending (evm_mine) and returns how many transactions it holds.</summary>
    public async Task<int> MineAsync()
    {
        await CallAsync("evm_mine");
        var block = await CallAsync("eth_getBlockByNumber", "latest", false);
        return block!["transactions"]!.AsArray().Count;
    }

    public async Task<Nethereum.RPC.Eth.DTOs.TransactionReceipt> MinedAsync(string hash)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await Node.ReceiptAsync(hash, CancellationToken.None) is { } receipt)
            {
                return receipt;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{hash} was not mined within 10 s.");
    }

    public void Dispose()
    {
        Node.Dispose();
        _http.Dispose();
    }

    private SignedEthereumTransaction Sign(EthereumAddress? to, byte[] data, EthereumFee fee) =>
        EthereumSigner.Sign(Sender, Options.ChainId, _nonce++, fee, to, BigInteger.Zero, data);

    private async Task<JsonNode?> CallAsync(string method, params object[] parameters)
    {
        var answer = (await PostAsync(Request(method, 1, parameters)))[0];
        return answer?["error"] is { } error ? throw new InvalidOperationException($"{method}: {error.ToJsonString()}") : answer?["result"];
    }

    private static JsonObject Request(string method, int id, params object[] parameters) => new()
    {
        ["jsonrpc"] = "2.0",
        ["id"] = id,
        ["method"] = method,
        ["params"] = JsonSerializer.SerializeToNode(parameters),
    };

    private async Task<JsonArray> PostAsync(JsonNode body)
    {
        using var response = await _http.PostAsJsonAsync(Url, body);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonNode>();
        return answer as JsonArray ?? new JsonArray(answer!.DeepClone());
    }
}
