using System.Globalization;
using Meterchat.Audit;
using Meterchat.Data;
using Meterchat.Ledger;
using Meterchat.Reserves.Ethereum;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Node;
using Meterchat.Web;
using Meterchat.Withdrawals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Reserves;

/// <summary>
/// Takes, lists and proves snapshots. A snapshot reads the TRON head block, every user's liability (through the
/// ledger), and the reserves (hot wallet + unswept deposit addresses); builds the Merkle sum tree with fresh salts;
/// signs a message naming the root with the hot wallet key; and stores it with each user's leaf.
/// </summary>
public sealed class ReservesSnapshots(
    AppDbContext db,
    UserLiabilities liabilities,
    IEnumerable<IReservesSource> reserves,
    ITronNode node,
    HotWallet wallet,
    ReservesTreeCache cache,
    EthereumHoldings ethereum,
    AdminAuditLog audit,
    TimeProvider time,
    IOptions<ReservesOptions> options,
    ILogger<ReservesSnapshots> logger)
{
    public const string ScheduleTrigger = "schedule";
    public const string AdminTrigger = "admin";
    public const string SnapshotAction = "reserves.snapshot";

    private const int LeafBatch = 5_000;

    /// <summary>One snapshot at a time on this node (the job and the admin button share it).</summary>
    private static readonly SemaphoreSlim Running = new(1, 1);

    public async Task<Outcome<SnapshotView>> TakeAsync(string trigger, CancellationToken ct)
    {
        if (!await Running.WaitAsync(0, ct))
        {
            return new Problem(409, ReservesProblems.SnapshotRunning, "Snapshot running", "A snapshot is being taken right now; it will be on /reserves in a moment.");
        }

        try
        {
            return await TakeLockedAsync(trigger, ct);
        }
        catch (TronNodeException e)
        {
            logger.LogWarning(e, "Reserves snapshot: the TRON node could not be read");
            return new Problem(503, ReservesProblems.ChainUnavailable, "Chain unavailable", "The TRON node could not be read; nothing was published. Try again shortly.");
        }
        catch (Exception e) when (e is HttpRequestException or Nethereum.JsonRpc.Client.RpcClientUnknownException or Nethereum.JsonRpc.Client.RpcClientTimeoutException)
        {
            logger.LogWarning(e, "Reserves snapshot: the Ethereum node could not be read");
            return new Problem(503, ReservesProblems.ChainUnavailable, "Chain unavailable", "The Ethereum node could not be read; nothing was published. Try again shortly.");
        }
        finally
        {
            Running.Release();
        }
    }

    /// <summary>A snapshot an admin asked for (button or API), recorded in the audit log when published.</summary>
    public async Task<Outcome<SnapshotView>> TakeForAdminAsync(AdminActor admin, CancellationToken ct)
    {
        var outcome = await TakeAsync(AdminTrigger, ct);
        if (outcome.Value is { } taken)
        {
            await audit.RecordAsync(admin, SnapshotAction, $"snapshot:{taken.Id}", "", new { taken.BlockNumber, taken.RootHash, taken.Users }, ct);
        }

        return outcome;
    }

    public async Task<IReadOnlyList<SnapshotView>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Set<ReservesSnapshot>().AsNoTracking()
            .OrderByDescending(s => s.Id).Take(options.Value.HistoryLength).ToListAsync(ct);
        return [.. rows.Select(SnapshotView.Of)];
    }

    public async Task<DateTimeOffset?> LastAtAsync(CancellationToken ct) =>
        await db.Set<ReservesSnapshot>().AsNoTracking().OrderByDescending(s => s.Id).Select(s => (DateTimeOffset?)s.At).FirstOrDefaultAsync(ct);

    /// <summary>The user's proof in a snapshot (the latest when <paramref name="snapshotId"/> is null), or a refusal.</summary>
    public async Task<(LiabilityProofFile? File, string? Problem)> ProveAsync(string userId, long? snapshotId, CancellationToken ct)
    {
        var snapshots = db.Set<ReservesSnapshot>().AsNoTracking();
        var snapshot = snapshotId is { } id
            ? await snapshots.SingleOrDefaultAsync(s => s.Id == id, ct)
            : await snapshots.OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        if (snapshot is null)
        {
            return (null, ReservesProblems.NoSnapshot);
        }

        var leaves = db.Set<ReservesLeaf>().AsNoTracking().Where(l => l.SnapshotId == snapshot.Id);
        var mine = await leaves.SingleOrDefaultAsync(l => l.UserId == userId, ct);
        if (mine is null)
        {
            return (null, ReservesProblems.NotInSnapshot);
        }

        var tree = cache.Get(snapshot.Id);
        if (tree is null)
        {
            var all = await leaves.Select(l => new { l.UserId, l.Salt, l.Wallet, l.Earnings, l.Held }).ToListAsync(ct);
            tree = MerkleSumTree.Build([.. all.Select(l => new LiabilityLeaf(l.UserId, l.Salt, checked(l.Wallet + l.Earnings + l.Held)))]);
            if (tree.RootHex != snapshot.RootHash)
            {
                throw new InvalidOperationException($"Snapshot {snapshot.Id}: the stored leaves rebuild to another root; its leaves were changed.");
            }

            cache.Put(snapshot.Id, tree);
        }

        var proof = tree.Prove(userId)!;
        return (new LiabilityProofFile(LiabilityProofFile.CurrentFormat, snapshot.Id, snapshot.At, snapshot.BlockNumber, snapshot.RootHash,
            snapshot.Liabilities, snapshot.HotWallet, snapshot.Message, snapshot.Signature, mine.Wallet, mine.Earnings, mine.Held, proof), null);
    }

    /// <summary>The message the hot wallet signs: it names the root, the total and the block, so it cannot be reused for another snapshot.</summary>
    public static string MessageFor(DateTimeOffset at, long block, int users, long liabilities, long reserves, string root, string hotWallet) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Meterchat proof of reserves\nat: {at:yyyy-MM-ddTHH:mm:ssZ}\ntron block: {block}\nusers: {users}\nliabilities: {liabilities} µUSDT\nreserves: {reserves} µUSDT\nroot: {root}\nhot wallet: {hotWallet}");

    private async Task<Outcome<SnapshotView>> TakeLockedAsync(string trigger, CancellationToken ct)
    {
        // Block first, then ledger and balances: the reserves are read at the head (a node answers balance reads at its
        // head only), so the snapshot names the block it started at; docs/reserves.md says what that cannot prove.
        var block = await node.GetNowBlockAsync(NodeView.Head, ct);
        var owed = await liabilities.ReadAsync(ct);
        var held = Micros.Zero;
        // Ethereum is read once here: its stablecoins count 1:1, its ETH is stored beside the reserves, not in them.
        foreach (var source in reserves.Where(s => s is not EthereumStablecoinReserves))
        {
            held += await source.GetReservesAsync(ct);
        }

        var onEthereum = await ethereum.ReadAsync(ct);
        if (onEthereum.Unavailable is not null)
        {
            return new Problem(503, ReservesProblems.ChainUnavailable, "Chain unavailable", "The Ethereum node could not be read; nothing was published. Try again shortly.");
        }

        held += onEthereum.StablecoinMicros;

        var secret = LeafSalt.NewSecret();
        var leaves = owed.Select(u => new ReservesLeaf
        {
            UserId = u.UserId,
            Salt = LeafSalt.For(secret, u.UserId),
            Wallet = u.Wallet.Value,
            Earnings = u.Earnings.Value,
            Held = u.Held.Value,
        }).ToList();
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(secret);
        var tree = MerkleSumTree.Build([.. leaves.Select(l => new LiabilityLeaf(l.UserId, l.Salt, l.Balance))]);

        var at = time.GetUtcNow();
        var address = wallet.Address.ToBase58();
        var message = MessageFor(at, block.Number, tree.Count, tree.Total, held.Value, tree.RootHex, address);
        var snapshot = new ReservesSnapshot
        {
            At = at,
            BlockNumber = block.Number,
            Users = tree.Count,
            Liabilities = tree.Total,
            Reserves = held.Value,
            RootHash = tree.RootHex,
            HotWallet = address,
            Message = message,
            Signature = TronMessage.Sign(message, wallet.Key),
            Trigger = trigger,
            EthereumStablecoins = onEthereum.Enabled ? onEthereum.StablecoinMicros.Value : null,
            EtherWei = onEthereum.Enabled ? onEthereum.EtherWei.ToString(CultureInfo.InvariantCulture) : null,
            EtherMicros = onEthereum.EtherMicros?.Value,
            MicrosPerEther = onEthereum.Price?.MicrosPerEther,
        };

        // Leaves go in batches with change detection off: a million tracked entities would cost more than the tree.
        var previousTracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Add(snapshot);
            await db.SaveChangesAsync(ct);
            foreach (var batch in leaves.Chunk(LeafBatch))
            {
                foreach (var leaf in batch)
                {
                    leaf.SnapshotId = snapshot.Id;
                }

                db.AddRange(batch);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }

            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = previousTracking;
        }

        cache.Put(snapshot.Id, tree);
        logger.LogInformation("Reserves snapshot {Snapshot} at block {Block}: {Users} users, liabilities {Liabilities} µUSDT, reserves {Reserves} µUSDT, root {Root} ({Trigger})",
            snapshot.Id, block.Number, tree.Count, tree.Total, held.Value, tree.RootHex, trigger);
        return SnapshotView.Of(snapshot);
    }
}
