using System.Diagnostics;
using Meterchat.Accounts;
using Meterchat.Data;
using Meterchat.DevChain;
using Meterchat.Ledger;
using Meterchat.Tron.Crypto;
using Meterchat.Withdrawals;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.Bench.Withdrawals;

/// <summary>
/// The payout path end to end on SQLite and the in-process dev chain (blocks produced by hand, so the chain's
/// 3 s block time is not what is measured): (1) request → signed, stored and broadcast, one at a time;
/// (2) how many payouts a sender pass broadcasts per minute, and how long until all are final.
/// </summary>
internal static class PayoutLoad
{
    // A new payout address needs a step-up: the tool's seller knows their password like a real one.
    private const string Password = "correct horse battery";

    public static async Task RunAsync(int count)
    {
        var dir = Path.Combine(Path.GetTempPath(), "meterchat-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        await using var app = new WebApplicationFactory<global::Program>().WithWebHostBuilder(b => b
            .UseSolutionRelativeContentRoot("src/Meterchat")
            .UseEnvironment("Testing")
            .UseSetting("Logging:LogLevel:Default", "Warning")
            .UseSetting("Database:Provider", "Sqlite")
            .UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(dir, "bench.db")}")
            .UseSetting("Chain:DevChain:BlockInterval", "01:00:00")
            .UseSetting("Withdrawals:SenderEnabled", "false")
            .UseSetting("Withdrawals:AddressCooldown", "00:00:00")
            .UseSetting("Withdrawals:DailyLimit", "100000000"));
        var services = app.Services;
        var chain = services.GetRequiredService<DevChainNode>();
        var sender = services.GetRequiredService<PayoutSender>();
        var userId = await SellerAsync(services, (count + 50) * 10L);
        using var recipient = TronKey.Generate();

        // 1. Latency: request → broadcast, one withdrawal at a time.
        var latencies = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var t = Stopwatch.StartNew();
            await RequestAsync(services, userId, recipient);
            await sender.ProcessOnceAsync();
            latencies.Add(t.Elapsed.TotalMilliseconds);
            chain.ProduceBlock();
        }

        Settle(chain);
        await sender.ProcessOnceAsync();
        latencies.Sort();
        Console.WriteLine($"request→broadcast: median {latencies[latencies.Count / 2]:0.0} ms, p95 {latencies[(int)(latencies.Count * 0.95)]:0.0} ms, max {latencies[^1]:0.0} ms (n=50)");

        // 2. Throughput: `count` approved withdrawals, then sender passes until every one is final.
        for (var i = 0; i < count; i++)
        {
            await RequestAsync(services, userId, recipient);
        }

        var total = Stopwatch.StartNew();
        await sender.ProcessOnceAsync();
        var broadcast = total.Elapsed;
        chain.ProduceBlock();
        Settle(chain);
        await sender.ProcessOnceAsync();
        var final = total.Elapsed;
        await using var scope = services.CreateAsyncScope();
        var completed = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Withdrawal>().CountAsync(w => w.Status == WithdrawalStatus.Completed);
        Console.WriteLine($"{count} payouts: built, checked, signed, stored and broadcast in {broadcast.TotalSeconds:0.00} s = {count / broadcast.TotalMinutes:0} payouts/min; " +
            $"followed to final and booked in {final.TotalSeconds:0.00} s in all; completed {completed}/{count + 50}; recipient has {chain.GetTokenBalance(chain.Usdt, recipient.Address) / 1_000_000m} USDT");
    }

    private static void Settle(DevChainNode chain)
    {
        for (var i = 0; i <= chain.Options.SolidityLag; i++)
        {
            chain.ProduceBlock();
        }
    }

    private static async Task<string> SellerAsync(IServiceProvider services, long usdt)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "bench@example.test", Email = "bench@example.test", EmailConfirmed = true };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await services.GetRequiredService<ILedger>().TransferAsync(TransferRequest.Move("bench:earnings", TransferKind.Adjustment, AccountRef.PlatformRevenue, AccountRef.Earnings(user.Id), Micros.FromUsdt(usdt)));
        return user.Id;
    }

    private static async Task RequestAsync(IServiceProvider services, string userId, TronKey recipient)
    {
        await using var scope = services.CreateAsyncScope();
        var (_, error) = await scope.ServiceProvider.GetRequiredService<WithdrawalRequests>()
            .RequestAsync(userId, new WithdrawalRequest("10", recipient.Address.ToBase58(), Password: Password), CancellationToken.None);
        if (error is not null)
        {
            throw new InvalidOperationException(error.Detail);
        }
    }
}
