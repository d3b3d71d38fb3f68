using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Meterchat.Data;
using Meterchat.Deposits.Ethereum;
using Meterchat.Ethereum;
using Meterchat.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using NBitcoin;

namespace Meterchat.Bench.Ethereum;

/// <summary>
/// The Ethereum deposit watcher catching up on a real node: the app in-process with --addresses deposit addresses
/// (DepositAddresses rows, seeded in one INSERT … SELECT; the app derives m/44'/60'/0'/0/i of a fresh xpub for each),
/// then --blocks ganache blocks of --transfers USDT/USDC transfers each (one in four to a random deposit address,
/// 3–500 tokens; the rest to fresh foreign addresses), packed with miner_stop + evm_mine. Then the watcher runs until it
/// reaches the head: blocks/s and credits/s. Every expected credit must have landed exactly once with its amount, and
/// nothing else; the ledger audit must pass. Otherwise it prints FAILED and exits 1.
/// Run: dotnet run -c Release --project bench/Meterchat.Bench -- eth-watcher [--blocks 20] [--transfers 200] [--addresses 100000] [--rpc URL] [--connection PG]
/// </summary>
internal static class EthereumWatcherLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var blocks = EthereumBenchApp.Number(args, "--blocks", 20);
        var perBlock = EthereumBenchApp.Number(args, "--transfers", 200);
        var addresses = EthereumBenchApp.Number(args, "--addresses", 100_000);
        using var ganache = await BenchGanache.ConnectAsync(args, BigInteger.Pow(10, 19)); // 10 ETH: a transfer reserves at most 0.0008 ETH of gas
        if (ganache is null)
        {
            return 2;
        }

        var supply = BigInteger.Pow(10, 18);
        var usdt = await ganache.DeployTokenAsync("Tether USD (bench)", "USDT", supply);
        var usdc = await ganache.DeployTokenAsync("USD Coin (bench)", "USDC", supply);
        var keys = EthereumDepositKeys.FromAccountXpub(EthereumDepositKeys.AccountXpubFromMnemonic(new Mnemonic(Wordlist.English, WordCount.Twelve).ToString()));
        await using var app = EthereumBenchApp.Create(ganache, [("USDT", usdt), ("USDC", usdc)], args,
            new Dictionary<string, string> { ["Ethereum:AccountXpub"] = keys.AccountXpub });
        var services = app.Services;

        var clock = Stopwatch.StartNew();
        await SeedAddressesAsync(services, addresses);
        var seeded = clock.Elapsed;
        var watcher = services.GetRequiredService<EthereumDepositWatcher>();
        clock.Restart();
        // The seeded rows have no stored Ethereum address (as rows made before the column): the first pass derives one
        // per address and stores it, as an upgraded app's first start does.
        await watcher.ProcessAvailableBlocksAsync(); // the cursor at the head, and the address map
        var mapLoad = clock.Elapsed;
        var first = await ganache.Node.LatestBlockNumberAsync(CancellationToken.None) + 1;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{addresses:N0} deposit addresses seeded in {seeded.TotalSeconds:F2} s; the watcher's first pass (map of {services.GetRequiredService<EthereumDepositAddressMap>().Count:N0} addresses, each derived and stored) took {mapLoad.TotalSeconds:F2} s"));

        // Every later start: a fresh map loads the stored addresses (what a restart, or the first claim after it, waits for).
        using (var restarted = new EthereumDepositAddressMap(services.GetRequiredService<EthereumDepositKeySource>(), services.GetRequiredService<IServiceScopeFactory>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<EthereumDepositAddressMap>.Instance))
        await using (var scope = services.CreateAsyncScope())
        {
            clock.Restart();
            await restarted.RefreshAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"a restarted app's map of {restarted.Count:N0} addresses, loaded from the stored column, took {clock.Elapsed.TotalSeconds:F2} s"));
        }

        // The blocks: every transfer signed ahead, sent in one batch per block, then one evm_mine.
        var random = new Random(17);
        var expected = new Dictionary<string, (string UserId, long Micros)>();
        var derived = new Dictionary<int, EthereumAddress>();
        clock.Restart();
        await ganache.StopMinerAsync();
        try
        {
            for (var b = 0; b < blocks; b++)
            {
                var batch = new List<SignedEthereumTransaction>(perBlock);
                for (var i = 0; i < perBlock; i++)
                {
                    var token = i % 2 == 0 ? usdt : usdc;
                    var units = random.NextInt64(3_000_000, 500_000_001);
                    if (i % 4 == 0)
                    {
                        var index = random.Next(addresses);
                        if (!derived.TryGetValue(index, out var to))
                        {
                            derived[index] = to = keys.AddressAt((uint)index);
                        }

                        var signed = ganache.SignTransfer(token, to, units);
                        expected[signed.Hash] = (UserOf(index), units);
                        batch.Add(signed);
                    }
                    else
                    {
                        batch.Add(ganache.SignTransfer(token, EthereumAddress.Parse(Nethereum.Signer.EthECKey.GenerateKey().GetPublicAddress()), units));
                    }
                }

                await ganache.SendAsync(batch);
                var mined = await ganache.MineAsync();
                if (mined != perBlock)
                {
                    Console.WriteLine($"FAILED: block {first + b} holds {mined} transactions, not {perBlock}");
                    return 1;
                }
            }
        }
        finally
        {
            await ganache.StartMinerAsync(); // mines one more block, empty: the watcher scans it too
        }

        var made = clock.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ganache: {blocks} blocks × {perBlock} transfers signed, sent and mined in {made.TotalSeconds:F2} s ({blocks * perBlock / made.TotalSeconds:F0} transfers/s)"));

        // The measurement: the watcher catches up from its cursor to the head.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        var scanned = 0;
        for (int n; (n = await watcher.ProcessAvailableBlocksAsync()) > 0;)
        {
            scanned += n;
        }

        var elapsed = clock.Elapsed;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"eth-watcher: {scanned} blocks ({blocks} × {perBlock} ERC-20 transfers, {expected.Count} of them to deposit addresses; {scanned - blocks} empty), {addresses:N0} addresses: {elapsed.TotalSeconds:F2} s = {blocks / elapsed.TotalSeconds:F1} blocks of {perBlock}/s, {expected.Count / elapsed.TotalSeconds:F0} credits/s, {elapsed.TotalMilliseconds / blocks:F0} ms/block; process CPU {cpuUsed.TotalSeconds:F2} s ({cpuUsed.TotalMilliseconds / blocks:F0} ms/block)"));

        // What the node's answers cost alone: the same reads the watcher made (eth_getLogs per 50 blocks, each block with its transactions).
        var last = await ganache.Node.LatestBlockNumberAsync(CancellationToken.None);
        clock.Restart();
        for (var from = first; from <= last; from += EthereumDepositWatcher.BlocksPerRange)
        {
            await ganache.Node.TransferLogsAsync(from, Math.Min(last, from + EthereumDepositWatcher.BlocksPerRange - 1), [usdt, usdc], CancellationToken.None);
        }

        var logs = clock.Elapsed;
        clock.Restart();
        for (var number = first; number <= last; number++)
        {
            await ganache.Node.BlockAsync(number, CancellationToken.None);
        }

        var bodies = clock.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"of which node reads alone (blocks {first}..{last}, again): eth_getLogs {logs.TotalMilliseconds / blocks:F0} ms/block, eth_getBlockByNumber with transactions {bodies.TotalMilliseconds / blocks:F0} ms/block"));

        var failures = await CheckAsync(services, expected);
        foreach (var failure in failures.Take(10))
        {
            Console.WriteLine("FAILED: " + failure);
        }

        if (failures.Count > 0)
        {
            return 1;
        }

        Console.WriteLine($"every expected credit landed exactly once ({expected.Count} credits, nothing else); audit passed");
        return 0;
    }

    private static string UserOf(int index) => $"bench-user-{index}";

    /// <summary>
    /// One statement: the users' deposit address rows the app reads its map from (as the app would have written them on
    /// each user's first Top up; the TRON address column only needs to be unique here).
    /// </summary>
    private static async Task SeedAddressesAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {0})
                INSERT INTO "DepositAddresses" ("UserId", "Index", "Address", "CreatedAt") SELECT 'bench-user-' || i, i, 'bench-' || i, {1} FROM n
                """,
                [count, new DateTimeOffsetToBinaryConverter().ConvertToProvider(now)!]);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "DepositAddresses" ("UserId", "Index", "Address", "CreatedAt")
                SELECT 'bench-user-' || i, i, 'bench-' || i, {1} FROM generate_series(0, {0} - 1) i
                """,
                [count, now]);
        }
    }

    /// <summary>Each expected transfer is one row, credited with its amount to its user, no other rows; the ledger agrees.</summary>
    private static async Task<List<string>> CheckAsync(IServiceProvider services, Dictionary<string, (string UserId, long Micros)> expected)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Set<EthereumDeposit>().AsNoTracking().ToListAsync();
        var failures = new List<string>();
        foreach (var group in rows.GroupBy(r => r.TxHash))
        {
            if (!expected.TryGetValue(group.Key, out var want))
            {
                failures.Add($"{group.Key} was recorded but pays no deposit address of this run");
            }
            else if (group.Count() != 1)
            {
                failures.Add($"{group.Key} was recorded {group.Count()} times");
            }
            else if (group.Single() is var row && (row.CreditedAt is null || row.TransferId is null || row.Amount != want.Micros || row.UserId != want.UserId))
            {
                failures.Add($"{group.Key}: credited {row.Amount?.ToString(CultureInfo.InvariantCulture) ?? "nothing"} µUSDT to {row.UserId}, expected {want.Micros} to {want.UserId}");
            }
        }

        var recorded = rows.Select(r => r.TxHash).ToHashSet();
        failures.AddRange(expected.Keys.Where(h => !recorded.Contains(h)).Select(h => $"{h} was never credited"));
        var total = expected.Values.Sum(v => v.Micros);
        var ledger = -(await scope.ServiceProvider.GetRequiredService<ILedger>().GetBalanceAsync(AccountRef.ChainDeposits)).Value;
        if (ledger != total)
        {
            failures.Add($"the ledger's chain:deposits shows {ledger} µUSDT credited, expected {total}");
        }

        var audit = await scope.ServiceProvider.GetRequiredService<LedgerAuditor>().RunAsync();
        failures.AddRange(audit.Checks.Where(c => !c.Passed).Select(c => $"audit: {c.Name}: {c.Detail}"));
        return failures;
    }
}
