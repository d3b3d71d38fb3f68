using System.CommandLine;
using System.Text.Json;

namespace Meterchat.Chats.Receipts;

/// <summary>
/// <c>verify-receipt --file r.json [--key keys.json]</c>: checks a downloaded receipt offline (signature, hash chain,
/// the bill recomputed from the events). Prints one line per check; exit 0 when all hold, 1 otherwise. Needs no
/// database and no network: the key comes from --key (the saved /.well-known/meterchat-receipts.json) or the file.
/// </summary>
internal static class VerifyReceiptCommand
{
    public static Command Create()
    {
        var file = new Option<FileInfo>("--file") { Description = "The receipt file downloaded from the chat's receipt.", Required = true };
        var key = new Option<FileInfo?>("--key") { Description = "The published keys (/.well-known/meterchat-receipts.json, saved); default: the key embedded in the file." };
        var command = new Command("verify-receipt", "Verify a signed receipt: signature, event chain, and the bill recomputed from the events; exit 1 on failure.") { file, key };
        command.SetAction(parse =>
        {
            var receiptPath = parse.GetValue(file)!;
            var keyPath = parse.GetValue(key);
            if (!receiptPath.Exists)
            {
                return Fail($"No such file: {receiptPath.FullName}");
            }

            var receipt = ReceiptFile.TryParse(File.ReadAllText(receiptPath.FullName), out var problem);
            if (receipt is null)
            {
                return Fail(problem!);
            }

            ReceiptPublicKey? trusted = null;
            if (keyPath is not null)
            {
                if (!keyPath.Exists)
                {
                    return Fail($"No such key file: {keyPath.FullName}");
                }

                trusted = ReadKey(File.ReadAllText(keyPath.FullName), receipt.KeyId, out problem);
                if (trusted is null)
                {
                    return Fail(problem!);
                }
            }

            var result = ReceiptVerifier.Verify(receipt, trusted);
            foreach (var check in result.Checks)
            {
                Console.WriteLine($"{(check.Passed ? "PASS" : "FAIL")}  {check.Name}: {check.Detail}");
            }

            Console.WriteLine(result.Passed ? "Receipt verified." : "Receipt NOT verified.");
            return result.Passed ? 0 : 1;
        });
        return command;
    }

    /// <summary>
    /// The key the receipt names from a published key list (or a single key), else the list's only key (so a
    /// receipt signed by another key fails with its own message).
    /// </summary>
    private static ReceiptPublicKey? ReadKey(string json, string keyId, out string? problem)
    {
        try
        {
            var doc = JsonSerializer.Deserialize<PublishedKeys>(json, ReceiptFile.Json);
            var keys = doc?.Keys ?? [];
            if (keys.Count == 0 && JsonSerializer.Deserialize<ReceiptPublicKey>(json, ReceiptFile.Json) is { PublicKey: not null } single)
            {
                keys = [single];
            }

            problem = keys.Count == 0 ? "The key file holds no receipt key (expected /.well-known/meterchat-receipts.json)." : null;
            return keys.FirstOrDefault(k => k.KeyId == keyId) ?? (keys.Count > 0 ? keys[0] : null);
        }
        catch (JsonException e)
        {
            problem = $"The key file is not valid JSON: {e.Message}";
            return null;
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }

    private sealed record PublishedKeys(IReadOnlyList<ReceiptPublicKey>? Keys);
}
