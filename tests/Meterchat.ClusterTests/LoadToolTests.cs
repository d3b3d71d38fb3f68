using System.Diagnostics;
using System.Text.RegularExpressions;
using Meterchat.IntegrationTests.Infrastructure;

namespace Meterchat.ClusterTests;

/// <summary>
/// Every documented mode of the load tool (bench/Meterchat.Bench, docs/performance.md) starts at HEAD and reports its
/// results, at a small size for a few seconds. Only that it runs and reports is checked: its figures are not timings
/// a test may judge. Here because the PostgreSQL and cluster modes need the server and Redis this pass has; the Ethereum
/// modes use the ganache of MC_TEST_ETH_RPC (test.sh starts it for every pass) and fail saying so without one.
/// </summary>
[Collection(NodeProcesses.Name)]
public sealed partial class LoadToolTests
{
    public static TheoryData<string, string, string> Modes() => new()
    {
        { "ledger sqlite 2000", "per transaction", "Audit after the run: passed" },
        { "ledger postgres 2000", "per transaction", "Audit after the run: passed" },
        { "deposits-watcher 2", "blocks/s", "audit passed" },
        { "meter --sessions 20 --seconds 6 --warmup 1 --lead 4", "Sqlite: 20 live sessions", "units/s" },
        { "meter --sessions 20 --seconds 6 --warmup 1 --lead 4 --provider Postgres --connection {postgres}", "Postgres: 20 live sessions", "units/s" },
        { "meter --hub --sessions 5 --seconds 4 --warmup 2 --wave 2", "Hub: 5 sessions (5 Live at the end), 10 hub connections", "units/s" },
        { "meter --hub --sessions 5 --seconds 4 --warmup 2 --wave 2 --clients-process", "Hub: 5 sessions (5 Live at the end), 10 hub connections", "clients run in a separate process" },
        { "withdrawals 10", "request→broadcast", "completed 60/60" },
        { "sellers 60 10 8", "Presence fan-out to 8 WebSocket clients", "change -> all 8 clients" },
        { "reserves 1000", "| 1,000 |", "Verify one proof" },
        { "eth-watcher --blocks 2 --transfers 20 --addresses 1000", "(2 × 20 ERC-20 transfers, ", "every expected credit landed exactly once" },
        { "eth-payout --payouts 5", "eth-payout request→broadcast", "recipient holds exactly what was paid out" },
        { "cluster --sessions 4 --seconds 4 --connection {postgres} --redis {redis}", "Cluster: 4 sessions", "units" },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_load_tool_runs_and_reports(string arguments, string reports, string alsoReports)
    {
        var args = arguments
            .Replace("{postgres}", $"\"{TestDatabase.Create().ConnectionString}\"", StringComparison.Ordinal)
            .Replace("{redis}", ClusterEnvironment.Redis, StringComparison.Ordinal);
        var (exit, output) = await RunAsync(args);

        Assert.True(exit == 0, $"exit {exit}:\n{output}");
        Assert.Contains(reports, output, StringComparison.Ordinal);
        Assert.Contains(alsoReports, output, StringComparison.Ordinal);
        Assert.DoesNotMatch(NoUnits(), output); // a meter mode that charged nothing did not really run
    }

    [GeneratedRegex(@"\b0 units in|: 0 units/s")]
    private static partial Regex NoUnits();

    private static async Task<(int Exit, string Output)> RunAsync(string arguments)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{BenchDll}\" {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["MC_TEST_POSTGRES"] = Environment.GetEnvironmentVariable("MC_TEST_POSTGRES");
        start.Environment["MC_TEST_ETH_RPC"] = Environment.GetEnvironmentVariable("MC_TEST_ETH_RPC");
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("Database__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited); // the tool chooses its database from its arguments
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(true);
            await process.WaitForExitAsync();
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The load tool's build output, same configuration as the tests (the project reference builds it first).</summary>
    private static string BenchDll
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Meterchat.slnx")))
            {
                dir = dir.Parent;
            }

            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(dir!.FullName, "bench", "Meterchat.Bench", "bin", configuration, "net10.0", "Meterchat.Bench.dll");
        }
    }
}
