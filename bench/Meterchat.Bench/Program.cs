using BenchmarkDotNet.Running;
using Meterchat.Bench.Deposits;

namespace Meterchat.Bench;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Load tools (end-to-end throughput on a real database) by name; everything else is BenchmarkDotNet.
        if (args.Length > 0 && args[0] == "deposits-watcher")
        {
            return await WatcherThroughput.RunAsync(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
