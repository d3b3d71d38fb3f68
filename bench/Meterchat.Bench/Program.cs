using System.Globalization;
using BenchmarkDotNet.Running;
using Meterchat.Bench.Ledger;

namespace Meterchat.Bench;

internal static class Program
{
    /// <summary>Load modes by name (<c>ledger</c>, <c>withdrawals</c>); anything else goes to BenchmarkDotNet.</summary>
    public static async Task Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "ledger":
                await LedgerLoad.RunAsync(args);
                return;
            case "withdrawals":
                // The end-to-end payout load run (the app in-process on the dev chain).
                await Withdrawals.PayoutLoad.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300);
                return;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return;
        }
    }
}
