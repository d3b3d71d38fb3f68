using System.Text.Json;
using System.Text.Json.Nodes;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Node;
using Meterchat.Tron.Transactions;

namespace Meterchat.DevChain;

/// <summary>
/// The dev chain's HTTP surface, independent of the transport (ASP.NET endpoints and the in-memory
/// handler both call it). Paths are relative: <c>wallet/getnowblock</c>, <c>walletsolidity/gettransactioninfobyid</c>,
/// <c>faucet</c>, <c>info</c>. Bad input answers 200 with <c>{"Error": …}</c>, as java-tron does.
/// </summary>
internal sealed class DevChainApi(DevChainNode node)
{
    public DevChainResponse Handle(string path, string? body)
    {
        JsonElement request;
        try
        {
            request = string.IsNullOrWhiteSpace(body) ? default : JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException e)
        {
            return Error($"The request body is not JSON: {e.Message}");
        }

        var visible = request.ValueKind == JsonValueKind.Object && request.TryGetProperty("visible", out var v) && v.ValueKind == JsonValueKind.True;
        try
        {
            JsonNode? answer = path.Trim('/').ToLowerInvariant() switch
            {
                "wallet/getnowblock" => NowBlock(NodeView.Head, visible),
                "walletsolidity/getnowblock" => NowBlock(NodeView.Solidified, visible),
                "wallet/gettransactionbyid" => TransactionById(request, NodeView.Head, visible),
                "walletsolidity/gettransactionbyid" => TransactionById(request, NodeView.Solidified, visible),
                "wallet/gettransactioninfobyid" => InfoById(request, NodeView.Head, visible),
                "walletsolidity/gettransactioninfobyid" => InfoById(request, NodeView.Solidified, visible),
                "wallet/gettransactioninfobyblocknum" => InfoByBlockNum(request, visible),
                "wallet/triggerconstantcontract" => TriggerConstant(request),
                "wallet/getaccount" => Account(request, visible),
                "wallet/broadcasthex" => BroadcastHex(request),
                "faucet" => Faucet(request),
                "info" => Info(),
                _ => null,
            };
            return answer is null
                ? new DevChainResponse(404, new JsonObject { ["Error"] = $"The dev chain does not serve '{path}'." }.ToJsonString())
                : new DevChainResponse(200, answer.ToJsonString());
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            return Error(e.Message);
        }
    }

    private static DevChainResponse Error(string message) =>
        new(200, new JsonObject { ["Error"] = message }.ToJsonString());

    private static string RequiredString(JsonElement request, string name) =>
        request.ValueKind == JsonValueKind.Object && request.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"'{name}' is required.");

    private static long RequiredInt64(JsonElement request, string name)
    {
        if (request.ValueKind == JsonValueKind.Object && request.TryGetProperty(name, out var value))
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
            {
                return number;
            }

            if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number))
            {
                return number;
            }
        }

        throw new FormatException($"'{name}' must be an integer.");
    }

    private static string? OptionalString(JsonElement request, string name) =>
        request.ValueKind == JsonValueKind.Object && request.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private JsonObject NowBlock(NodeView view, bool visible)
    {
        var (block, transactions) = node.NowBlock(view);
        return DevChainJson.Block(block, transactions, node.WitnessAddress, visible);
    }

    private JsonObject TransactionById(JsonElement request, NodeView view, bool visible)
    {
        var record = node.FindTransaction(TransactionId.Normalize(RequiredString(request, "value")), view);
        return record is null ? [] : DevChainJson.Transaction(record.Transaction, record.Outcome.ContractRet, visible);
    }

    private JsonObject InfoById(JsonElement request, NodeView view, bool visible)
    {
        var record = node.FindTransaction(TransactionId.Normalize(RequiredString(request, "value")), view);
        return record is null ? [] : DevChainJson.Info(record, visible);
    }

    private JsonArray InfoByBlockNum(JsonElement request, bool visible) =>
        new([.. node.TransactionsInBlock(RequiredInt64(request, "num")).Select(t => (JsonNode)DevChainJson.Info(t, visible))]);

    private JsonObject TriggerConstant(JsonElement request)
    {
        var contract = TronAddress.Parse(RequiredString(request, "contract_address"));
        byte[] data;
        if (OptionalString(request, "function_selector") is { Length: > 0 } selector)
        {
            data = [.. Keccak(selector), .. Hex.Parse(OptionalString(request, "parameter") ?? string.Empty)];
        }
        else
        {
            data = Hex.Parse(OptionalString(request, "data") ?? string.Empty);
        }

        var result = node.CallConstant(contract, data);
        var json = new JsonObject
        {
            ["result"] = result.Success
                ? new JsonObject { ["result"] = true }
                : new JsonObject { ["code"] = result.Code, ["message"] = Hex.ToHex(System.Text.Encoding.UTF8.GetBytes(result.Message ?? string.Empty)) },
        };
        if (result.EnergyUsed != 0)
        {
            json["energy_used"] = result.EnergyUsed;
        }

        if (result.ConstantResult.Count > 0)
        {
            json["constant_result"] = new JsonArray([.. result.ConstantResult.Select(r => (JsonNode)r)]);
        }

        return json;
    }

    private JsonObject Account(JsonElement request, bool visible)
    {
        var address = TronAddress.Parse(RequiredString(request, "address"));
        if (node.Account(address) is not { } account)
        {
            return [];
        }

        var json = new JsonObject { ["address"] = DevChainJson.Address(address, visible) };
        if (account.BalanceSun != 0)
        {
            json["balance"] = account.BalanceSun;
        }

        json["create_time"] = account.CreateTime;
        return json;
    }

    private JsonObject BroadcastHex(JsonElement request)
    {
        var result = node.BroadcastHex(RequiredString(request, "transaction"));
        var json = new JsonObject { ["result"] = result.Result, ["code"] = result.Code };
        if (result.TxId is not null)
        {
            json["txid"] = result.TxId;
        }

        if (result.Message is not null)
        {
            json["message"] = Hex.ToHex(System.Text.Encoding.UTF8.GetBytes(result.Message));
        }

        return json;
    }

    private JsonObject Faucet(JsonElement request)
    {
        var to = TronAddress.Parse(OptionalString(request, "to") ?? RequiredString(request, "address"));
        var tokenName = OptionalString(request, "token") ?? "USDT";
        var token = tokenName.ToUpperInvariant().Replace("_", string.Empty, StringComparison.Ordinal) switch
        {
            "USDT" => FaucetToken.Usdt,
            "TRX" => FaucetToken.Trx,
            "FAKEUSDT" => FaucetToken.FakeUsdt,
            _ => throw new FormatException($"token '{tokenName}' is not USDT, TRX or FAKE_USDT."),
        };
        var amount = RequiredInt64(request, "amount");
        if (amount <= 0)
        {
            throw new FormatException("'amount' (base units: sun or µUSDT) must be positive.");
        }

        return new JsonObject { ["txid"] = node.Faucet(to, token, amount) };
    }

    private JsonObject Info()
    {
        var head = node.Head;
        var solid = node.SolidifiedHead;
        return new JsonObject
        {
            ["usdt"] = node.Usdt.ToBase58(),
            ["fake_usdt"] = node.FakeUsdt.ToBase58(),
            ["router"] = node.Router.ToBase58(),
            ["faucet"] = node.FaucetAddress.ToBase58(),
            ["head"] = head.Number,
            ["solidified"] = solid.Number,
            ["block_interval_ms"] = (long)node.Options.BlockInterval.TotalMilliseconds,
        };
    }

    private static byte[] Keccak(string selector) => Tron.Crypto.Keccak256.Hash(selector.Replace(" ", string.Empty, StringComparison.Ordinal))[..4];
}
