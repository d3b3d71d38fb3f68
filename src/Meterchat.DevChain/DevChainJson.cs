using System.Text.Json.Nodes;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;

namespace Meterchat.DevChain;

/// <summary>
/// Writes the dev chain's records in java-tron's JSON shapes: zero values left out (proto3), addresses
/// as 41… hex, or base58 when the request said visible=true, log addresses as 20 hex bytes without 41.
/// </summary>
internal static class DevChainJson
{
    public static JsonObject Transaction(SignedTransaction tx, string? contractRet, bool visible)
    {
        var raw = tx.Raw;
        var rawData = new JsonObject
        {
            ["contract"] = new JsonArray(Contract(raw.Contract, visible)),
            ["ref_block_bytes"] = Hex.ToHex(raw.RefBlockBytes),
            ["ref_block_hash"] = Hex.ToHex(raw.RefBlockHash),
            ["expiration"] = raw.Expiration,
        };
        if (raw.Data.Length > 0)
        {
            rawData["data"] = Hex.ToHex(raw.Data);
        }

        if (raw.FeeLimit != 0)
        {
            rawData["fee_limit"] = raw.FeeLimit;
        }

        rawData["timestamp"] = raw.Timestamp;
        var json = new JsonObject();
        if (contractRet is not null)
        {
            json["ret"] = new JsonArray(new JsonObject { ["contractRet"] = contractRet });
        }

        json["signature"] = new JsonArray([.. tx.Signatures.Select(s => (JsonNode)Hex.ToHex(s))]);
        json["txID"] = tx.TxIdHex;
        if (visible)
        {
            json["visible"] = true;
        }

        json["raw_data"] = rawData;
        json["raw_data_hex"] = Hex.ToHex(tx.RawBytes);
        return json;
    }

    public static JsonObject Info(TxRecord record, bool visible)
    {
        var o = record.Outcome;
        var json = new JsonObject { ["id"] = record.TxId };
        if (o.Fee != 0)
        {
            json["fee"] = o.Fee;
        }

        json["blockNumber"] = record.BlockNumber;
        json["blockTimeStamp"] = record.BlockTimestamp;
        json["contractResult"] = new JsonArray(o.ContractResult);
        if (o.ContractAddress is { } contract)
        {
            json["contract_address"] = Address(contract, visible);
        }

        var receipt = new JsonObject();
        AddNonZero(receipt, "energy_fee", o.EnergyFee);
        AddNonZero(receipt, "energy_usage_total", o.EnergyUsageTotal);
        AddNonZero(receipt, "net_usage", o.NetUsage);
        if (o.ReceiptResult is not null)
        {
            receipt["result"] = o.ReceiptResult;
        }

        json["receipt"] = receipt;
        if (o.Logs.Count > 0)
        {
            json["log"] = new JsonArray([.. o.Logs.Select(l => (JsonNode)new JsonObject
            {
                ["address"] = visible ? l.Address.ToBase58() : Hex.ToHex(l.Address.Last20),
                ["topics"] = new JsonArray([.. l.Topics.Select(t => (JsonNode)t)]),
                ["data"] = l.Data,
            })]);
        }

        if (o.Failed)
        {
            json["result"] = "FAILED";
            if (o.ResMessage is not null)
            {
                json["resMessage"] = Hex.ToHex(System.Text.Encoding.UTF8.GetBytes(o.ResMessage));
            }
        }

        return json;
    }

    public static JsonObject Block(BlockRecord block, IReadOnlyList<TxRecord> transactions, TronAddress witness, bool visible)
    {
        var raw = new JsonObject();
        AddNonZero(raw, "number", block.Number);
        raw["txTrieRoot"] = Hex.ToHex(block.TxTrieRoot);
        raw["witness_address"] = Address(witness, visible);
        raw["parentHash"] = Hex.ToHex(block.ParentHash);
        raw["version"] = DevChainNode.BlockVersion;
        raw["timestamp"] = block.Timestamp;
        var json = new JsonObject
        {
            ["blockID"] = Hex.ToHex(block.Id),
            ["block_header"] = new JsonObject { ["raw_data"] = raw, ["witness_signature"] = Hex.ToHex(block.WitnessSignature) },
        };
        if (transactions.Count > 0)
        {
            json["transactions"] = new JsonArray([.. transactions.Select(t => (JsonNode)Transaction(t.Transaction, t.Outcome.ContractRet, visible))]);
        }

        return json;
    }

    public static string Address(TronAddress address, bool visible) => visible ? address.ToBase58() : address.ToHex();

    private static JsonObject Contract(TronContract contract, bool visible)
    {
        var value = new JsonObject();
        switch (contract)
        {
            case TransferContract t:
                value["amount"] = t.AmountSun;
                value["owner_address"] = Address(t.Owner, visible);
                value["to_address"] = Address(t.To, visible);
                break;
            case TriggerSmartContract c:
                if (c.Data.Length > 0)
                {
                    value["data"] = Hex.ToHex(c.Data);
                }

                value["owner_address"] = Address(c.Owner, visible);
                value["contract_address"] = Address(c.ContractAddress, visible);
                AddNonZero(value, "call_value", c.CallValue);
                break;
            default:
                value["owner_address"] = Address(contract.Owner, visible);
                break;
        }

        return new JsonObject
        {
            ["parameter"] = new JsonObject { ["value"] = value, ["type_url"] = contract.TypeUrl },
            ["type"] = contract.TypeName,
        };
    }

    private static void AddNonZero(JsonObject json, string name, long value)
    {
        if (value != 0)
        {
            json[name] = value;
        }
    }
}
