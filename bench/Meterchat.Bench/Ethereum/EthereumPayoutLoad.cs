using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Meterchat.Accounts;
using Meterchat.Data;
using Meterchat.Ethereum;
using Meterchat.Ledger;
using Meterchat.Withdrawals;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Signer;

namespace Meterchat.Bench.Ethereum;

/// <summary>
/// USDT payouts on Ethereum through the real path: the request use case (<see cref="WithdrawalRequests"/>, what
/// POST /api/withdrawals calls: checks, fee quote, hold) and the payout sender's pass (balance checks, fee estimate, sign,
/// store the bytes, broadcast) against ganache (each transaction mined as it arrives). (1) Latency: --payouts requests
/// one at a time, each followed by a sender pass; request → broadcast (tx hash stored, node accepted) p50/p99.
/// (2) Throughput: --payouts requests, then one sender pass broadcasting them all. Then passes until every payout is
/// final and booked; the recipient's token balance must equal what was paid out and the ledger audit must pass.
/// Run: dotnet run -c Release --project bench/Meterchat.Bench -- eth-payout [--payouts 200] [--rpc URL] [--connection PG]
/// </summary>
internal static class EthereumPayoutLoad
{
    private const string Password = "correct horse battery";
    private const string Amount = "25";

    public static async Task<int> RunAsync(string[] args)
    {
        var count = EthereumBenchApp.Number(args, "--payouts", 200);
        using var ganache = await BenchGanache.ConnectAsync(args, BigInteger.Pow(10, 17)); // 0.1 ETH: it only deploys the token and funds the hot wallet with it
        if (ganache is null)
        {
            return 2;
        }

        // The hot wallet: the tool's sender deploys USDT (so it holds the supply) and funds a fresh key with it and ETH.
        var usdt = await ganache.DeployTokenAsync("Tether USD (bench)", "USDT", BigInteger.Pow(10, 18));
        var hot = EthECKey.GenerateKey();
        var hotAddress = EthereumAddress.Parse(hot.GetPublicAddress());
        await ganache.SendAsync([ganache.SignTransfer(usdt, hotAddress, BigInteger.Pow(10, 15))]);
        await ganache.FundAsync(hotAddress, 2 * BigInteger.Pow(10, 18)); // gas for the payouts (a few thousandths of an ETH each at most)

        await using var app = EthereumBenchApp.Create(ganache, [("USDT", usdt)], args, new Dictionary<string, string>
        {
            ["Ethereum:HotWalletKey"] = hot.GetPrivateKey(),
            ["Withdrawals:AddressCooldown"] = "00:00:00",
            ["Withdrawals:DailyLimit"] = "100000000",
        });
        var services = app.Services;
        var sender = services.GetRequiredService<PayoutSender>();
        var userId = await SellerAsync(services, (2 * count + 10) * 30L);
        var recipient = EthereumAddress.Parse(EthECKey.GenerateKey().GetPublicAddress());
        await RequestAsync(services, userId, recipient); // warm-up: JIT, the new address's step-up, first connections
        await sender.ProcessOnceAsync();

        // 1. Latency: request → broadcast, one payout at a time.
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var t = Stopwatch.StartNew();
            var id = await RequestAsync(services, userId, recipient);
            await sender.ProcessOnceAsync();
            latencies.Add(t.Elapsed.TotalMilliseconds);
            var w = await WithdrawalAsync(services, id);
            if (w.TxId is null || w.Status is not (WithdrawalStatus.Broadcast or WithdrawalStatus.InBlock or WithdrawalStatus.Completed))
            {
                Console.WriteLine($"FAILED: payout {id} is {w.Status} after its pass ({w.FailureReason ?? w.ReviewReason})");
                return 1;
            }
        }

        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"eth-payout request→broadcast (request use case + one sender pass, one at a time, n={count}): p50 {Percentile(latencies, 0.50):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms, max {latencies[^1]:F0} ms"));

        // 2. Throughput: `count` requests, then one pass signs, stores and broadcasts them all.
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await RequestAsync(services, userId, recipient);
        }

        var requested = clock.Elapsed;
        clock.Restart();
        await sender.ProcessOnceAsync();
        var broadcast = clock.Elapsed;
        var passes = 0;
        while (await OpenAsync(services) > 0 && passes++ < 20)
        {
            await sender.ProcessOnceAsync();
        }

        var final = clock.Elapsed;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var payouts = await db.Set<Withdrawal>().AsNoTracking().Where(w => w.Network == PayoutNetwork.Ethereum).ToListAsync();
        var completed = payouts.Count(w => w.Status == WithdrawalStatus.Completed);
        var paid = await ganache.Node.TokenBalanceAsync(usdt, recipient, CancellationToken.None);
        var audit = await scope.ServiceProvider.GetRequiredService<LedgerAuditor>().RunAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"eth-payout throughput: {count} requests in {requested.TotalSeconds:F2} s ({count / requested.TotalSeconds:F0}/s); one sender pass signed, stored and broadcast them in {broadcast.TotalSeconds:F2} s = {count / broadcast.TotalSeconds:F1} payouts/s; final and booked after {final.TotalSeconds:F2} s; completed {completed}/{payouts.Count}"));
        var expected = payouts.Where(w => w.Status == WithdrawalStatus.Completed).Sum(w => w.Net);
        if (completed != payouts.Count || paid != expected || !audit.Passed)
        {
            Console.WriteLine($"FAILED: {completed}/{payouts.Count} completed; recipient holds {paid} units, payouts say {expected}; audit {(audit.Passed ? "passed" : "failed: " + string.Join("; ", audit.Checks.Where(c => !c.Passed).Select(c => c.Name)))}");
            return 1;
        }

        Console.WriteLine($"recipient holds exactly what was paid out ({new Micros(expected).ToUsdtString()} USDT); audit passed");
        return 0;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task<int> OpenAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Withdrawal>()
            .CountAsync(w => w.Status != WithdrawalStatus.Completed && w.Status != WithdrawalStatus.Failed);
    }

    private static async Task<Withdrawal> WithdrawalAsync(IServiceProvider services, long id)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Withdrawal>().AsNoTracking().SingleAsync(w => w.Id == id);
    }

    private static async Task<string> SellerAsync(IServiceProvider services, long usdt)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "eth-bench@example.test", Email = "eth-bench@example.test", EmailConfirmed = true };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await services.GetRequiredService<ILedger>().TransferAsync(TransferRequest.Move("bench:earnings", TransferKind.Adjustment, AccountRef.PlatformRevenue, AccountRef.Earnings(user.Id), Micros.FromUsdt(usdt)));
        return user.Id;
    }

    private static async Task<long> RequestAsync(IServiceProvider services, string userId, EthereumAddress to)
    {
        await using var scope = services.CreateAsyncScope();
        var (withdrawal, error) = await scope.ServiceProvider.GetRequiredService<WithdrawalRequests>()
            .RequestAsync(userId, new WithdrawalRequest(Amount, to.Checksummed, Password: Password, Network: "ethereum", Asset: "USDT"), CancellationToken.None);
        return error is null ? withdrawal!.Id : throw new InvalidOperationException(error.Detail);
    }
}
