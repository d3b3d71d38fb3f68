using System.CommandLine;
using System.Text.Json;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;

namespace Meterchat.Reserves;

/// <summary>
/// <c>verify-liabilities --proof proof.json --root HEX</c>: checks a downloaded inclusion proof against a published root,
/// offline. Also checks the file's signed message when it carries one. Exit 0 when everything holds, 1 otherwise;
/// bad input gets a sentence, never a stack trace.
/// </summary>
public static class VerifyLiabilitiesCommand
{
    public static Command Create()
    {
        var proofOption = new Option<FileInfo>("--proof") { Description = "The proof file downloaded from /reserves (JSON)", Required = true };
        var rootOption = new Option<string>("--root") { Description = "The published root hash (64 hex digits), as shown on /reserves", Required = true };
        var command = new Command("verify-liabilities", "Check that your balance is in a published proof of liabilities (offline); exit 1 when it is not")
        {
            proofOption,
            rootOption,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(proofOption)!;
            if (!path.Exists)
            {
                error.WriteLine($"No such file: {path.FullName}");
                return 1;
            }

            LiabilityProofFile? file;
            try
            {
                file = JsonSerializer.Deserialize<LiabilityProofFile>(File.ReadAllText(path.FullName), JsonSerializerOptions.Web);
            }
            catch (JsonException e)
            {
                error.WriteLine($"{path.Name} is not a proof file: {e.Message}");
                return 1;
            }

            return Report(file, parse.GetValue(rootOption)!, output, error);
        });
        return command;
    }

    private static int Report(LiabilityProofFile? file, string root, TextWriter output, TextWriter error)
    {
        if (file?.Proof is null)
        {
            error.WriteLine("The file holds no proof (expected the JSON downloaded from /reserves).");
            return 1;
        }

        var result = InclusionProofVerifier.Verify(file.Proof, root, file.TotalLiabilities);
        if (!result.Passed)
        {
            error.WriteLine($"FAIL  {result.Failure}");
            return 1;
        }

        output.WriteLine($"PASS  Account {file.Proof.AccountId} with {Usdt(file.Proof.Balance)} USDT is in the tree with root {result.ComputedRoot}.");
        output.WriteLine($"      The tree's total, {Usdt(result.ComputedTotal!.Value)} USDT over {file.Proof.Path.Count} levels, includes your balance.");
        if (string.IsNullOrEmpty(file.Message) || string.IsNullOrEmpty(file.Signature))
        {
            output.WriteLine("      (The file carries no signed message; check the hot wallet's signature on /reserves.)");
            return 0;
        }

        if (!file.Message.Contains($"root: {result.ComputedRoot}", StringComparison.Ordinal))
        {
            error.WriteLine("FAIL  The signed message in the file names another root.");
            return 1;
        }

        if (!TronMessage.TryRecoverSigner(file.Message, file.Signature, out var signer, out var why))
        {
            error.WriteLine($"FAIL  The message's signature is not valid: {why}.");
            return 1;
        }

        if (!TronAddress.TryParse(file.HotWallet, out var hot, out _) || hot != signer)
        {
            error.WriteLine($"FAIL  The message is signed by {signer.ToBase58()}, not by the hot wallet {file.HotWallet}.");
            return 1;
        }

        output.WriteLine($"PASS  The message naming this root is signed by the hot wallet {signer.ToBase58()} (TRON message signing).");
        return 0;
    }

    private static string Usdt(long micros) => new Ledger.Micros(micros).ToUsdtString();
}
