using BenchmarkDotNet.Running;

namespace Meterchat.Bench;

internal static class Program
{
    public static async Task Main(string[] args)
    {
        // `withdrawals [count]`: the end-to-end payout load run (the app in-process on the dev chain), not BenchmarkDotNet.
        if (args.Length > 0 && args[0] == "withdrawals")
        {
            await Withdrawals.PayoutLoad.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 300);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
