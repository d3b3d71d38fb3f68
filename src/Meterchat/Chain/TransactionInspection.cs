using System.Text.Json;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;

namespace Meterchat.Chain;

/// <summary>
/// Checks a transaction as a node returned it (gettransactionbyid JSON) without trusting the
/// node: the txID is recomputed from raw_data_hex and the signer recovered from the signature and
/// compared with the owner inside those same bytes (and with the JSON's owner_address).
/// </summary>
public static class TransactionInspection
{
    public sealed record Report(bool Ok, IReadOnlyList<string> Lines);

    public static Report Inspect(string json)
    {
        var lines = new List<string>();
        try
        {
            using var doc = JsonDocument.Parse(json);
            return Inspect(doc.RootElement, lines);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            lines.Add($"error: {ex.Message}");
            return new Report(false, lines);
        }
    }

    private static Report Inspect(JsonElement tx, List<string> lines)
    {
        var rawHex = Text(tx, "raw_data_hex") ?? throw new FormatException("The JSON has no raw_data_hex (is it a gettransactionbyid reply?).");
        var signatures = tx.TryGetProperty("signature", out var sigs) ? sigs.EnumerateArray().Select(s => s.GetString()!).ToList() : [];
        var signed = new SignedTransaction(Hex.Parse(rawHex), [.. signatures.Select(Hex.Parse)]);

        var claimed = Text(tx, "txID");
        var txIdOk = claimed is not null && string.Equals(claimed, signed.TxIdHex, StringComparison.OrdinalIgnoreCase);
        lines.Add($"txID       {signed.TxIdHex} (sha256 of raw_data_hex)");
        lines.Add(txIdOk ? "           matches the file's txID" : $"MISMATCH   the file says txID {claimed ?? "(none)"}");

        var raw = signed.Raw;
        var owner = raw.Contract.Owner;
        lines.Add($"contract   {raw.Contract.TypeName} (type {raw.Contract.Type})");
        lines.Add($"owner      {owner} ({owner.ToHex()})");
        var jsonOwner = JsonOwner(tx);
        var jsonOwnerOk = jsonOwner is null || TronAddress.TryParse(jsonOwner, out var parsedOwner, out _) && parsedOwner == owner;
        if (!jsonOwnerOk)
        {
            lines.Add($"MISMATCH   the JSON's owner_address {jsonOwner} is not the owner in raw_data_hex");
        }

        var signerOk = false;
        if (signatures.Count == 0)
        {
            lines.Add("MISMATCH   the transaction has no signature");
        }
        else if (TronSignature.TryRecoverSigner(signed.TxId, signed.Signatures[0], out var signer, out var reason))
        {
            signerOk = signer == owner;
            lines.Add($"signer     {signer} ({signer.ToHex()})");
            lines.Add(signerOk ? "           matches the owner" : "MISMATCH   the signer is not the owner");
        }
        else
        {
            lines.Add($"MISMATCH   bad signature: {reason}");
        }

        Describe(raw.Contract, lines);
        if (signed.ContractRet is null && tx.TryGetProperty("ret", out var ret) && ret.GetArrayLength() > 0)
        {
            lines.Add($"result     {Text(ret[0], "contractRet")} (as the node reports it)");
        }

        var ok = txIdOk && signerOk && jsonOwnerOk;
        lines.Add(ok ? "OK" : "FAILED");
        return new Report(ok, lines);
    }

    private static void Describe(TronContract contract, List<string> lines)
    {
        switch (contract)
        {
            case TransferContract transfer:
                lines.Add($"to         {transfer.To} ({transfer.To.ToHex()})");
                lines.Add($"amount     {transfer.AmountSun} sun (TRX × 10^6)");
                break;
            case TriggerSmartContract trigger when Trc20.IsTransfer(trigger.Data):
                var (to, amount) = Trc20.DecodeTransfer(trigger.Data);
                var usdt = trigger.ContractAddress == Trc20.MainnetUsdt ? " (USDT mainnet)" : "";
                lines.Add($"token      {trigger.ContractAddress}{usdt}");
                lines.Add($"method     transfer(address,uint256)");
                lines.Add($"recipient  {to} ({to.ToHex()})");
                lines.Add($"amount     {amount} base units");
                break;
            case TriggerSmartContract trigger:
                lines.Add($"contract   {trigger.ContractAddress}, call data {Hex.ToHex(trigger.Data.AsSpan(0, Math.Min(4, trigger.Data.Length)))}…");
                break;
            default:
                break;
        }
    }

    private static string? JsonOwner(JsonElement tx) =>
        tx.TryGetProperty("raw_data", out var raw)
        && raw.TryGetProperty("contract", out var contracts)
        && contracts.GetArrayLength() > 0
        && contracts[0].TryGetProperty("parameter", out var parameter)
        && parameter.TryGetProperty("value", out var value)
            ? Text(value, "owner_address")
            : null;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
