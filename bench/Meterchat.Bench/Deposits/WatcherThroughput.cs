using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using Meterchat.Chain;
using Meterchat.Data;
using Meterchat.Deposits;
using Meterchat.Ledger;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Node;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Meterchat.Bench.Deposits;

/// <summary>
/// The deposit watcher end to end on a real SQLite database (WAL, as the app runs it): 100,000 deposit addresses
/// registered; every block holds 1,000 successful USDT transfers of which 100 pay deposit addresses; every block is
/// already solidified, so each is scanned, recorded, credited through the ledger and marked. Prints blocks per second.
/// Run: dotnet run -c Release --project bench/Meterchat.Bench -- deposits-watcher [blocks] [--one-by-one]
/// </summary>
internal static class WatcherThroughput
{
    private const int Addresses = 100_000;
    private const int TransfersPerBlock = 1_000;
    private const int DepositsPerBlock = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var blocks = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var n) ? n : 200;
        var file = Path.Combine(Path.GetTempPath(), $"mc-bench-watcher-{Guid.NewGuid():N}.db");
        var usdt = TronAddress.FromLast20(RandomNumberGenerator.GetBytes(20));
        var random = new Random(42);
        var deposits = Enumerable.Range(0, Addresses).Select(_ => TronAddress.FromLast20(RandomBytes(random, 20))).ToArray();
        var node = new SyntheticNode(usdt, deposits, blocks, random);

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite($"Data Source={file};Default Timeout=30"));
        services.AddLedger();
        services.Configure<ChainOptions>(o => o.UsdtContract = usdt.ToBase58());
        services.Configure<DepositOptions>(o => o.MaxBlocksPerPass = blocks + 1);
        services.AddSingleton(Meterchat.Tron.Crypto.DepositKeys.FromAccountXpub(
            "xpub6ChVWbXxgtp7PfXntivshZfwQophZWmVQwKJz1wY2MSKn5nm71wvUAj3vGCPHHWTLCreiQzcxgWGJqhAvwNpNUB992qY7a6CpZBnkYvVmyb"));
        // Ethereum deposits off (Production without an xpub): the deposit-address rows then hold no Ethereum address.
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = Environments.Production });
        services.AddOptions<Meterchat.Ethereum.EthereumOptions>();
        services.AddSingleton<Meterchat.Deposits.Ethereum.EthereumDepositKeySource>();
        services.AddScoped<DepositAddresses>();
        services.AddScoped<DepositBook>();
        services.AddScoped<DepositClaims>();
        services.AddSingleton<ITronNode>(node);
        services.AddSingleton<DepositWatcher>();
        // One node: the watcher's worker gate (no Redis, so it always holds).
        services.AddSingleton(new Meterchat.Cluster.ClusterNode(Meterchat.Cluster.ClusterNode.NewId(), clustered: false));
        services.AddOptions<Meterchat.Cluster.ClusterOptions>();
        services.AddSingleton<Meterchat.Cluster.WorkerLeaseStore>();
        services.AddSingleton<Meterchat.Cluster.WorkerGate>();
        await using var provider = services.BuildServiceProvider();

        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await using var tx = await db.Database.BeginTransactionAsync();
            for (var i = 0; i < Addresses; i++)
            {
                db.Add(new DepositAddress { UserId = $"user-{i}", Index = i, Address = deposits[i].ToBase58(), CreatedAt = DateTimeOffset.UtcNow });
                if (i % 5_000 == 4_999)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }

            await tx.CommitAsync();
        }

        var watcher = provider.GetRequiredService<DepositWatcher>();
        node.Solidified = 0;
        await watcher.ProcessAvailableBlocksAsync(); // cursor, address map (100,000 rows), warm-up of block 0
        var oneByOne = args.Contains("--one-by-one");
        var clock = Stopwatch.StartNew();
        var scanned = 0;
        if (oneByOne)
        {
            // Steady state: the chain is at the head, one new solidified block per pass (each pass also sweeps due credits and claims).
            for (var b = 1; b <= blocks; b++)
            {
                node.Solidified = b;
                scanned += await watcher.ProcessAvailableBlocksAsync();
            }
        }
        else
        {
            // Catch-up: all blocks are waiting; the watcher commits them in batches.
            node.Solidified = blocks;
            scanned = await watcher.ProcessAvailableBlocksAsync();
        }

        clock.Stop();

        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var credited = await db.Set<Deposit>().CountAsync(d => d.CreditedAt != null);
            var audit = await ActivatorUtilities.CreateInstance<LedgerAuditor>(scope.ServiceProvider, db).RunAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(oneByOne ? "one block per pass" : "catch-up")}: {scanned} blocks × {TransfersPerBlock} USDT transfers ({DepositsPerBlock} to deposit addresses), {Addresses:N0} addresses: {clock.Elapsed.TotalSeconds:F2} s = {scanned / clock.Elapsed.TotalSeconds:F1} blocks/s, {clock.Elapsed.TotalMilliseconds / scanned:F1} ms/block; {credited} deposits credited; audit {(audit.Passed ? "passed" : "FAILED")}"));
        }

        SqliteCleanup(file);
        return 0;
    }

    private static void SqliteCleanup(string file)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(f);
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Serves synthetic blocks 1..N (built ahead of time, so the measurement is the watcher, not the generator).</summary>
    private sealed class SyntheticNode : ITronNode
    {
        private readonly List<IReadOnlyList<TransactionInfo>> _blocks = [[]];

        public SyntheticNode(TronAddress usdt, TronAddress[] deposits, int count, Random random)
        {
            var topic0 = Meterchat.Tron.Transactions.TransferLog.Topic0Hex;
            string Word(TronAddress a) => new string('0', 24) + Hex.ToHex(a.Last20);
            for (var b = 1; b <= count; b++)
            {
                var infos = new List<TransactionInfo>(TransfersPerBlock);
                for (var i = 0; i < TransfersPerBlock; i++)
                {
                    var to = i % (TransfersPerBlock / DepositsPerBlock) == 0 ? deposits[random.Next(deposits.Length)] : TronAddress.FromLast20(RandomBytes(random, 20));
                    var from = TronAddress.FromLast20(RandomBytes(random, 20));
                    var amount = new BigInteger(random.Next(1_000_000, 500_000_000));
                    var data = amount.ToString("x64", CultureInfo.InvariantCulture)[^64..];
                    infos.Add(new TransactionInfo(
                        Hex.ToHex(RandomBytes(random, 32)), b, DateTimeOffset.UtcNow, 0, usdt,
                        new ResourceReceipt("SUCCESS", 0, 0, 0, 0, 0, 0, 0),
                        [new Meterchat.Tron.Node.EventLog(usdt, [topic0, Word(from), Word(to)], data)], [], null, null));
                }

                _blocks.Add(infos);
            }
        }

        public long Solidified { get; set; }

        public Task<NodeBlock> GetNowBlockAsync(NodeView view = NodeView.Head, CancellationToken cancellationToken = default) =>
            Task.FromResult(new NodeBlock(Solidified, new string('0', 64), DateTimeOffset.UtcNow));

        public Task<IReadOnlyList<TransactionInfo>> GetTransactionInfoByBlockNumAsync(long blockNumber, CancellationToken cancellationToken = default) =>
            Task.FromResult(_blocks[(int)blockNumber]);

        public Task<TransactionInfo?> GetTransactionInfoByIdAsync(string txId, NodeView view = NodeView.Head, CancellationToken cancellationToken = default) =>
            Task.FromResult<TransactionInfo?>(null);

        public Task<NodeTransaction?> GetTransactionByIdAsync(string txId, CancellationToken cancellationToken = default) => Task.FromResult<NodeTransaction?>(null);

        public Task<ConstantCallResult> TriggerConstantContractAsync(TronAddress owner, TronAddress contract, string functionSelector, string parameterHex, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<NodeAccount?> GetAccountAsync(TronAddress address, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<BroadcastResult> BroadcastHexAsync(string transactionHex, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
