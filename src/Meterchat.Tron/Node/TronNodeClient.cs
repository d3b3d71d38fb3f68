using System.Buffers.Binary;
using System.Net.Http.Json;
using System.Text.Json;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Meterchat.Tron.Node;

/// <summary>
/// <see cref="ITronNode"/> over HTTP (a typed <see cref="HttpClient"/>; see <see cref="TronNodeRegistration.AddTronNode"/>
/// for timeouts and retries). Requests use hex addresses (visible=false); replies are read in either form.
/// </summary>
public sealed class TronNodeClient : ITronNode
{
    public const string ApiKeyHeader = "TRON-PRO-API-KEY";

    private readonly HttpClient _http;

    public TronNodeClient(HttpClient http, IOptions<TronNodeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        var o = options.Value;
        if (_http.BaseAddress is null && o.BaseUrl is not null)
        {
            _http.BaseAddress = WithTrailingSlash(o.BaseUrl);
        }

        if (!string.IsNullOrEmpty(o.ApiKey) && !_http.DefaultRequestHeaders.Contains(ApiKeyHeader))
        {
            _http.DefaultRequestHeaders.Add(ApiKeyHeader, o.ApiKey);
        }
    }

    public async Task<NodeTransaction?> GetTransactionByIdAsync(string txId, CancellationToken cancellationToken = default)
    {
        var id = TransactionId.Normalize(txId);
        var tx = await PostAsync("wallet/gettransactionbyid", new { value = id }, cancellationToken);
        if (NodeJson.IsEmpty(tx))
        {
            return null;
        }

        var rawHex = NodeJson.String(tx, "raw_data_hex")
            ?? throw new TronNodeException($"The node's transaction {id} has no raw_data_hex.");
        var computed = Hex.ToHex(TransactionId.Compute(Hex.Parse(rawHex)));
        if (computed != id)
        {
            throw new TronNodeException($"The node answered transaction {id} with raw data whose txID is {computed}.");
        }

        var contractRet = NodeJson.Array(tx, "ret").Select(r => NodeJson.String(r, "contractRet")).FirstOrDefault();
        return new NodeTransaction(id, rawHex.ToLowerInvariant(), NodeJson.Strings(tx, "signature"), contractRet);
    }

    public async Task<TransactionInfo?> GetTransactionInfoByIdAsync(string txId, NodeView view = NodeView.Head, CancellationToken cancellationToken = default)
    {
        var id = TransactionId.Normalize(txId);
        var info = await PostAsync(Api(view) + "gettransactioninfobyid", new { value = id }, cancellationToken);
        if (NodeJson.IsEmpty(info))
        {
            return null;
        }

        var result = NodeJson.ReadTransactionInfo(info);
        return result.Id == id ? result : throw new TronNodeException($"Asked for the info of {id}, the node answered {result.Id}.");
    }

    public async Task<NodeBlock> GetNowBlockAsync(NodeView view = NodeView.Head, CancellationToken cancellationToken = default)
    {
        var block = await PostAsync(Api(view) + "getnowblock", new { }, cancellationToken);
        var raw = NodeJson.Property(NodeJson.Property(block, "block_header"), "raw_data");
        var blockId = NodeJson.String(block, "blockID")?.ToLowerInvariant();
        if (blockId is null || !Hex.TryParse(blockId, out var idBytes, out _) || idBytes.Length != 32)
        {
            throw new TronNodeException($"getnowblock answered no 32-byte blockID ('{blockId}').");
        }

        var number = NodeJson.Int64(raw, "number");
        if (BinaryPrimitives.ReadInt64BigEndian(idBytes) != number)
        {
            throw new TronNodeException($"getnowblock answered block {number} with id {blockId}, which belongs to another block.");
        }

        return new NodeBlock(number, blockId, DateTimeOffset.FromUnixTimeMilliseconds(NodeJson.Int64(raw, "timestamp")));
    }

    public async Task<IReadOnlyList<TransactionInfo>> GetTransactionInfoByBlockNumAsync(long blockNumber, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(blockNumber);
        var infos = await PostAsync("wallet/gettransactioninfobyblocknum", new { num = blockNumber }, cancellationToken);
        return infos.ValueKind == JsonValueKind.Array
            ? [.. infos.EnumerateArray().Select(NodeJson.ReadTransactionInfo)]
            : NodeJson.IsEmpty(infos) ? [] : throw new TronNodeException($"gettransactioninfobyblocknum answered a {infos.ValueKind}, not a list.");
    }

    public async Task<ConstantCallResult> TriggerConstantContractAsync(
        TronAddress owner,
        TronAddress contract,
        string functionSelector,
        string parameterHex,
        CancellationToken cancellationToken = default)
    {
        var reply = await PostAsync(
            "wallet/triggerconstantcontract",
            new
            {
                owner_address = owner.ToHex(),
                contract_address = contract.ToHex(),
                function_selector = functionSelector,
                parameter = parameterHex ?? string.Empty,
            },
            cancellationToken);
        var result = NodeJson.Property(reply, "result");
        return new ConstantCallResult(
            NodeJson.Bool(result, "result"),
            NodeJson.Strings(reply, "constant_result"),
            NodeJson.Int64(reply, "energy_used"),
            NodeJson.String(result, "code"),
            NodeJson.Message(NodeJson.String(result, "message")));
    }

    public async Task<NodeAccount?> GetAccountAsync(TronAddress address, CancellationToken cancellationToken = default)
    {
        var account = await PostAsync("wallet/getaccount", new { address = address.ToHex() }, cancellationToken);
        if (NodeJson.IsEmpty(account))
        {
            return null;
        }

        return new NodeAccount(
            NodeJson.Address(account, "address") ?? address,
            NodeJson.Int64(account, "balance"),
            NodeJson.Time(account, "create_time"));
    }

    public async Task<BroadcastResult> BroadcastHexAsync(string transactionHex, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(transactionHex);
        var reply = await PostAsync("wallet/broadcasthex", new { transaction = transactionHex }, cancellationToken);
        var ok = NodeJson.Bool(reply, "result");
        return new BroadcastResult(
            ok,
            NodeJson.String(reply, "code") ?? (ok ? "SUCCESS" : "OTHER_ERROR"),
            NodeJson.Message(NodeJson.String(reply, "message")),
            NodeJson.String(reply, "txid")?.ToLowerInvariant());
    }

    private static string Api(NodeView view) => view == NodeView.Solidified ? "walletsolidity/" : "wallet/";

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private async Task<JsonElement> PostAsync<T>(string path, T body, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.PostAsJsonAsync(path, body, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new TronNodeException(
                    $"The node answered {path} with HTTP {(int)response.StatusCode} {response.ReasonPhrase}.",
                    response.StatusCode);
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (bytes.Length == 0)
            {
                return default;
            }

            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement.Clone();
            if (NodeJson.String(root, "Error") is { } error)
            {
                throw new TronNodeException($"The node answered {path} with an error: {error}");
            }

            return root;
        }
        catch (JsonException e)
        {
            throw new TronNodeException($"The node answered {path} with something that is not JSON.", e);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new TronNodeException($"The node did not answer {path}: {e.Message}", e);
        }
    }
}
