using System.Text;
using System.Text.Json;
using Meterchat.Tron.Encoding;

namespace Meterchat.Tron.Node;

/// <summary>
/// Reads java-tron's JSON. proto3 leaves out zero values, so a missing number is 0 and a missing
/// string is null; addresses come as hex (visible=false) or base58 (visible=true).
/// </summary>
internal static class NodeJson
{
    /// <summary>True for the node's "not found" answer: an empty body or <c>{}</c>.</summary>
    public static bool IsEmpty(JsonElement element) =>
        element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
        || (element.ValueKind == JsonValueKind.Object && !element.EnumerateObject().Any());

    public static long Int64(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Number => value.GetInt64(),
                JsonValueKind.String when long.TryParse(value.GetString(), out var parsed) => parsed,
                _ => 0,
            }
            : 0;

    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static bool Bool(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    public static IEnumerable<JsonElement> Array(JsonElement element, string name)
    {
        var value = Property(element, name);
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];
    }

    public static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        [.. Array(element, name).Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.ToLowerInvariant())];

    /// <summary>An account or contract address field: 41… hex, 40-digit hex without 41 (logs), or base58.</summary>
    public static TronAddress? Address(JsonElement element, string name)
    {
        var text = String(element, name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return TronAddress.FromLogAddress(text);
        }
        catch (FormatException e)
        {
            throw new TronNodeException($"The node sent '{text}' as {name}, which is not an address.", e);
        }
    }

    public static DateTimeOffset? Time(JsonElement element, string name)
    {
        var ms = Int64(element, name);
        return ms == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(ms);
    }

    /// <summary>
    /// java-tron writes a result message as the hex of its UTF-8 bytes (some servlets as plain text).
    /// Decodes hex that spells readable text; leaves anything else as it came.
    /// </summary>
    public static string? Message(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length % 2 != 0 || !Hex.TryParse(value, out var bytes, out _))
        {
            return value;
        }

        try
        {
            var text = new UTF8Encoding(false, true).GetString(bytes);
            return text.All(c => !char.IsControl(c) || c is '\n' or '\r' or '\t') ? text : value;
        }
        catch (DecoderFallbackException)
        {
            return value;
        }
    }

    public static TransactionInfo ReadTransactionInfo(JsonElement info)
    {
        var receipt = Property(info, "receipt");
        var logs = Array(info, "log").Select(log => new EventLog(
            Address(log, "address") ?? throw new TronNodeException("A log has no address."),
            Strings(log, "topics"),
            (String(log, "data") ?? string.Empty).ToLowerInvariant()));
        return new TransactionInfo(
            (String(info, "id") ?? throw new TronNodeException("A transaction info has no id.")).ToLowerInvariant(),
            Int64(info, "blockNumber"),
            DateTimeOffset.FromUnixTimeMilliseconds(Int64(info, "blockTimeStamp")),
            Int64(info, "fee"),
            Address(info, "contract_address"),
            new ResourceReceipt(
                String(receipt, "result"),
                Int64(receipt, "energy_usage"),
                Int64(receipt, "energy_fee"),
                Int64(receipt, "origin_energy_usage"),
                Int64(receipt, "energy_usage_total"),
                Int64(receipt, "energy_penalty_total"),
                Int64(receipt, "net_usage"),
                Int64(receipt, "net_fee")),
            [.. logs],
            Strings(info, "contractResult"),
            String(info, "result"),
            Message(String(info, "resMessage")));
    }
}
