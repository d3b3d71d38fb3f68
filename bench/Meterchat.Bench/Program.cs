using BenchmarkDotNet.Running;

namespace Meterchat.Bench;

internal static class Program
{
    public static async Task Main(string[] args)
    {
        // Load modes run against the app on Kestrel; everything else is BenchmarkDotNet.
        if (args is ["sellers", ..])
        {
            await Sellers.SellersLoad.RunAsync(args[1..]);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
