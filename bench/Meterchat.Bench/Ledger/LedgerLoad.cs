using System.Diagnostics;
using Meterchat.Data;
using Meterchat.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Meterchat.Bench.Ledger;

/// <summary>
/// Ledger transfers per second: <c>ledger [sqlite|postgres] [transfers] [batch sizes, e.g. 1000 or 1,100,1000]</c>.
/// Chat-unit transfers (buyer wallet → seller earnings + platform revenue) across 1,000 buyers and 100 sellers, one
/// per transaction, then batched 100 and 1,000 per transaction (or only the sizes given, e.g. to profile one). PostgreSQL reads MC_TEST_POSTGRES (scripts/postgres.sh sets it).
/// </summary>
internal static class LedgerLoad
{
    public static async Task RunAsync(string[] args)
    {
        var provider = args.Length > 1 ? args[1] : "sqlite";
        var total = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var name = $"mc_bench_{Guid.NewGuid():N}";
        if (provider == "postgres")
        {
            builder.Configuration["Database:Provider"] = "Postgres";
            builder.Configuration["Database:ConnectionString"] = Environment.GetEnvironmentVariable("MC_TEST_POSTGRES") + $";Database={name}";
        }
        else
        {
            builder.Configuration["Database:Provider"] = "Sqlite";
            builder.Configuration["Database:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), name + ".db")}";
        }

        builder.AddData();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddLedger();
        using var host = builder.Build();
        await host.MigrateDatabaseAsync();
        var ledger = host.Services.GetRequiredService<ILedger>();

        var buyers = Enumerable.Range(0, 1_000).Select(i => $"buyer{i}").ToArray();
        var sellers = Enumerable.Range(0, 100).Select(i => $"seller{i}").ToArray();
        await ledger.TransferBatchAsync([.. buyers.Select(b => TransferRequest.Move($"dep:{b}", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(b), Micros.FromUsdt(1_000_000)))]);

        var run = 0;
        TransferRequest Unit(int i)
        {
            var price = new Micros(20_000);
            var platform = new Micros(5_000);
            return new TransferRequest($"unit:{run}:{i}", TransferKind.ChatUnit,
                [new(AccountRef.Wallet(buyers[i % buyers.Length]), -price), new(AccountRef.Earnings(sellers[i % sellers.Length]), price - platform), new(AccountRef.PlatformRevenue, platform)]);
        }

        Console.WriteLine($"Ledger load on {provider}, {Environment.ProcessorCount} cores");
        var sizes = args.Length > 3 ? args[3].Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray() : [1, 100, 1_000];
        foreach (var batch in sizes)
        {
            var writers = batch == 1 && provider == "postgres" ? 16 : 1;

            // Untimed warm-up until the JIT is done tiering up (at least 3 s, at most 60 s): without it the background
            // compilation of startup code still took a quarter of the client's CPU after 20 s, so the figure is the
            // steady state a long-running clock sees.
            var warmUp = Stopwatch.StartNew();
            var (jitted, quietSince) = (System.Runtime.JitInfo.GetCompiledMethodCount(), TimeSpan.Zero);
            while (warmUp.Elapsed < TimeSpan.FromSeconds(60) && (warmUp.Elapsed < TimeSpan.FromSeconds(3) || warmUp.Elapsed - quietSince < TimeSpan.FromSeconds(2)))
            {
                run++;
                await WriteAsync(batch, batch * writers, writers);
                if (System.Runtime.JitInfo.GetCompiledMethodCount() is var now && now != jitted)
                {
                    (jitted, quietSince) = (now, warmUp.Elapsed);
                }
            }

            warmUp.Stop();
            run++;
            var count = batch == 1 ? Math.Min(total, 5_000) : total;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            await WriteAsync(batch, count, writers);
            stopwatch.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"  {batch,5} per transaction, {writers,2} writer(s): {count,7} transfers in {stopwatch.Elapsed.TotalSeconds,6:F2} s = {count / stopwatch.Elapsed.TotalSeconds,8:F0} transfers/s, client CPU {cpu.TotalMicroseconds / count,5:F1} µs per transfer (after {warmUp.Elapsed.TotalSeconds:F0} s of warm-up)");
        }

        async Task WriteAsync(int batch, int count, int writers) =>
            await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                for (var start = w * batch; start < count; start += batch * writers)
                {
                    var requests = Enumerable.Range(start, Math.Min(batch, count - start)).Select(Unit).ToList();
                    var results = await ledger.TransferBatchAsync(requests);
                    if (results.Any(r => r.Status != TransferStatus.Completed))
                    {
                        throw new InvalidOperationException("A bench transfer was refused.");
                    }
                }
            })));

        await using var scope = host.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<LedgerAuditor>().RunAsync();
        Console.WriteLine($"Audit after the run: {(report.Passed ? "passed" : "FAILED")}");
    }
}
