using System.CommandLine;
using Meterchat.Chain;

namespace Meterchat.Hosting;

/// <summary>
/// Operator verbs of the one executable: `audit`, `tron ...`, `devchain ...`, `admin create --email`, `verify-liabilities`,
/// `verify-receipt --file`.
/// Anything else (no arguments, or host switches such as --urls) starts the web app.
/// </summary>
public static class CommandLine
{
    private static readonly Func<Command>[] Verbs = [Ledger.AuditCommand.Create, TronCommand.Create, DevChainCommand.Create, Accounts.AdminCommand.Create, Reserves.VerifyLiabilitiesCommand.Create,
        Chats.Receipts.VerifyReceiptCommand.Create];

    public static bool Handles(string[] args) =>
        args.Length > 0 && Array.Exists(Verbs, v => v().Name == args[0]);

    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Meterchat operator commands");
        foreach (var verb in Verbs)
        {
            root.Subcommands.Add(verb());
        }

        return root.Parse(args).InvokeAsync();
    }
}
