using System.CommandLine;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;

namespace Meterchat.Chain;

/// <summary>
/// `tron` operator verbs: address, validate, derive, inspect. Output goes to the invocation's
/// writers so tests can run them in-process. Exit 1 when the input is invalid or a check fails.
/// </summary>
public static class TronCommand
{
    public static Command Create()
    {
        var tron = new Command("tron", "TRON keys, addresses and transactions (offline)");
        tron.Subcommands.Add(Address());
        tron.Subcommands.Add(Validate());
        tron.Subcommands.Add(Derive());
        tron.Subcommands.Add(Inspect());
        return tron;
    }

    private static Command Address()
    {
        var key = new Option<string>("--private-key")
        {
            Description = "Private key as 64 hex digits, or - to read it from standard input (keeps it out of shell history)",
            Required = true,
        };
        var command = new Command("address", "The address of a private key, base58 and hex") { key };
        command.SetAction(parse =>
        {
            var (output, error) = Writers(parse);
            var hex = parse.GetValue(key)!;
            if (hex == "-")
            {
                hex = Console.In.ReadLine()?.Trim() ?? "";
            }

            try
            {
                using var tronKey = TronKey.FromHex(hex);
                output.WriteLine(tronKey.Address.ToBase58());
                output.WriteLine(tronKey.Address.ToHex());
                return 0;
            }
            catch (FormatException ex)
            {
                error.WriteLine(ex.Message);
                return 1;
            }
        });
        return command;
    }

    private static Command Validate()
    {
        var address = new Argument<string>("address") { Description = "Base58 (T…) or hex (41…) address" };
        var command = new Command("validate", "Check an address: prints `valid` or the reason; exit 1 when invalid") { address };
        command.SetAction(parse =>
        {
            var (output, _) = Writers(parse);
            if (TronAddress.TryParse(parse.GetValue(address), out _, out var reason))
            {
                output.WriteLine("valid");
                return 0;
            }

            output.WriteLine($"invalid: {reason}");
            return 1;
        });
        return command;
    }

    private static Command Derive()
    {
        var xpub = new Option<string>("--xpub") { Description = "Account extended public key of m/44'/195'/0'", Required = true };
        var index = new Option<uint>("--index") { Description = "Deposit address index i (path m/44'/195'/0'/0/i)", Required = true };
        var command = new Command("derive", "The deposit address at an index, from the account xpub") { xpub, index };
        command.SetAction(parse =>
        {
            var (output, error) = Writers(parse);
            try
            {
                var i = parse.GetValue(index);
                var derived = DepositKeys.DeriveAddress(parse.GetValue(xpub)!, i);
                output.WriteLine(derived.ToBase58());
                output.WriteLine(derived.ToHex());
                output.WriteLine($"{DepositKeys.AccountPath}/0/{i}");
                return 0;
            }
            catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException)
            {
                error.WriteLine(ex.Message);
                return 1;
            }
        });
        return command;
    }

    private static Command Inspect()
    {
        var file = new Option<FileInfo>("--file") { Description = "A node's gettransactionbyid JSON", Required = true };
        var command = new Command("inspect", "Recompute the txID, recover the signer and decode the contract of a transaction; exit 1 when a check fails") { file };
        command.SetAction(parse =>
        {
            var (output, error) = Writers(parse);
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                error.WriteLine($"No such file: {path.FullName}");
                return 1;
            }

            var report = TransactionInspection.Inspect(File.ReadAllText(path.FullName));
            foreach (var line in report.Lines)
            {
                output.WriteLine(line);
            }

            return report.Ok ? 0 : 1;
        });
        return command;
    }

    private static (TextWriter Output, TextWriter Error) Writers(ParseResult parse) =>
        (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
}
