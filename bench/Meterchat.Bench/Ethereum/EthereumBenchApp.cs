using System.Globalization;
using Meterchat.Ethereum;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Meterchat.Bench.Ethereum;

/// <summary>
/// The whole app in-process (Testing, logging at Warning) over a fresh SQLite file — or the PostgreSQL database of
/// --connection — pointed at the bench's ganache: its tokens accepted, every mined block final (0 confirmations), ETH at
/// a fixed 3,000 USDT, background passes off (the tool calls the watcher and the sender itself).
/// </summary>
internal static class EthereumBenchApp
{
    public static WebApplicationFactory<global::Program> Create(BenchGanache ganache, IReadOnlyList<(string Symbol, EthereumAddress Contract)> tokens,
        string[] args, IReadOnlyDictionary<string, string> settings)
    {
        var connection = Argument(args, "--connection");
        var database = connection is null
            ? ("Sqlite", $"Data Source={Path.Combine(Path.GetTempPath(), $"mc-bench-eth-{Guid.NewGuid():N}.db")}")
            : ("Postgres", connection);
        return new WebApplicationFactory<global::Program>().WithWebHostBuilder(b =>
        {
            b.UseSolutionRelativeContentRoot("src/Meterchat")
                .UseEnvironment("Testing")
                .UseSetting("Logging:LogLevel:Default", "Warning")
                .UseSetting("Database:Provider", database.Item1)
                .UseSetting("Database:ConnectionString", database.Item2)
                .UseSetting("Deposits:PollInterval", "01:00:00")
                .UseSetting("Deposits:MaxBlocksPerPass", "100000")
                .UseSetting("Withdrawals:SenderEnabled", "false")
                .UseSetting("Ethereum:RpcUrl", ganache.Url)
                .UseSetting("Ethereum:ChainId", "1337")
                .UseSetting("Ethereum:Confirmations", "0")
                .UseSetting("Ethereum:Price:FixedMicrosPerEther", "3000000000");
            for (var i = 0; i < tokens.Count; i++)
            {
                b.UseSetting($"Ethereum:Tokens:{i}:Symbol", tokens[i].Symbol);
                b.UseSetting($"Ethereum:Tokens:{i}:Contract", tokens[i].Contract.Checksummed);
            }

            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });
    }

    public static string? Argument(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static int Number(string[] args, string name, int fallback) =>
        Argument(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
