using BenchmarkDotNet.Running;
using Meterchat.Bench.Ledger;

namespace Meterchat.Bench;

internal static class Program
{
    /// <summary>Load modes by name (<c>ledger</c>); anything else goes to BenchmarkDotNet.</summary>
    public static async Task Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "ledger")
        {
            await LedgerLoad.RunAsync(args);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
