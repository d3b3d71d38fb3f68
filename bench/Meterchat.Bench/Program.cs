using System.Globalization;
using BenchmarkDotNet.Running;
using Meterchat.Bench.Chats;
using Meterchat.Bench.Deposits;
using Meterchat.Bench.Ledger;

namespace Meterchat.Bench;

internal static class Program
{
    /// <summary>Load tools by name (end-to-end throughput on a real database); anything else goes to BenchmarkDotNet.</summary>
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "ledger":
                await LedgerLoad.RunAsync(args);
                return 0;
            case "withdrawals":
                // The end-to-end payout load run (the app in-process on the dev chain).
                await Withdrawals.PayoutLoad.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300);
                return 0;
            case "deposits-watcher":
                return await WatcherThroughput.RunAsync(args);
            case "eth-watcher":
                // The Ethereum deposit watcher catching up on ganache blocks (the app in-process).
                return await Ethereum.EthereumWatcherLoad.RunAsync(args[1..]);
            case "eth-payout":
                // Ethereum payouts through the request use case and the sender, on ganache.
                return await Ethereum.EthereumPayoutLoad.RunAsync(args[1..]);
            case "sellers":
                await Sellers.SellersLoad.RunAsync(args[1..]);
                return 0;
            case "meter":
                return await MeterLoad.RunAsync(args[1..]);
            case "reserves":
                return Reserves.SnapshotTreeLoad.Run(args[1..]);
            case "cluster":
                return await ClusterLoad.RunAsync(args[1..]);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }
}
