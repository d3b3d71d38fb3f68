using BenchmarkDotNet.Running;
using Meterchat.Bench.Chats;

namespace Meterchat.Bench;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // `meter ...` is the meter load tool; anything else goes to BenchmarkDotNet.
        if (args.Length > 0 && args[0] == "meter")
        {
            return await MeterLoad.RunAsync(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
