using System.Diagnostics;
using Meterchat.Data;
using Meterchat.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Meterchat.Bench.Ledger;

/// <summary>
/// Ledger transfers per second: <c>ledger [sqlite|postgres] [transfers]</c>. Chat-unit transfers (buyer wallet →
/// seller earnings + platform revenue) across 1,000 buyers and 100 sellers, one per transaction, then batched
/// 100 and 1,000 per transaction. PostgreSQL reads MC_TEST_POSTGRES (scripts/postgres.sh sets it).
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
        foreach (var batch in new[] { 1, 100, 1_000 })
        {
            run++;
            var count = batch == 1 ? Math.Min(total, 5_000) : total;
            var stopwatch = Stopwatch.StartNew();
            var writers = batch == 1 && provider == "postgres" ? 16 : 1;
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
            stopwatch.Stop();
            Console.WriteLine($"  {batch,5} per transaction, {writers,2} writer(s): {count,7} transfers in {stopwatch.Elapsed.TotalSeconds,6:F2} s = {count / stopwatch.Elapsed.TotalSeconds,8:F0} transfers/s");
        }

        await using var scope = host.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<LedgerAuditor>().RunAsync();
        Console.WriteLine($"Audit after the run: {(report.Passed ? "passed" : "FAILED")}");
    }
}
