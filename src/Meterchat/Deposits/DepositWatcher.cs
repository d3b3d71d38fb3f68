using Meterchat.Chain;
using Meterchat.Cluster;
using Meterchat.Data;
using Meterchat.Deposits.Matching;
using Meterchat.Observability;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Node;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Deposits;

/// <summary>
/// Follows the solidified chain block by block from a durable cursor, records every USDT Transfer log that pays a
/// deposit address (final: the block is solidified) and credits them without a paste; re-checks remembered
/// claims. The node being down is logged and retried with back-off. Tests call
/// <see cref="ProcessAvailableBlocksAsync"/> directly.
/// </summary>
public sealed class DepositWatcher(
    IServiceScopeFactory scopes,
    ITronNode node,
    IOptions<ChainOptions> chain,
    IOptions<DepositOptions> options,
    TimeProvider time,
    WorkerGate workers,
    ILogger<DepositWatcher> logger,
    MeterchatMetrics metrics) : BackgroundService
{
    /// <summary>Its lease name: with several nodes, one node at a time watches the chain.</summary>
    public const string WorkerName = "deposit-watcher";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly DepositAddressMap _addresses = new();
    private long _lastRechecked;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first pass waits one interval too: starting the app never depends on the node answering.
        var failures = 0;
        var wait = options.Value.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                if (!await workers.MayRunAsync(WorkerName, stoppingToken))
                {
                    wait = options.Value.PollInterval;
                    continue;
                }

                var processed = await ProcessAvailableBlocksAsync(stoppingToken);
                failures = 0;
                wait = processed >= options.Value.MaxBlocksPerPass ? TimeSpan.Zero : options.Value.PollInterval;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                failures++;
                wait = Backoff(failures);
                logger.LogWarning(e, "Deposit watcher pass failed ({Failures} in a row); retrying in {Wait}", failures, wait);
            }
        }
    }

    /// <summary>Scans every block from the cursor up to the solidified head (at most MaxBlocksPerPass), credits what is due, re-checks claims. Returns the blocks scanned.</summary>
    public async Task<int> ProcessAvailableBlocksAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<AppDbContext>();
            var book = services.GetRequiredService<DepositBook>();
            var solid = (await node.GetNowBlockAsync(NodeView.Solidified, ct)).Number;
            var cursor = await db.Set<ChainCursor>().AsNoTracking().Where(c => c.Name == ChainCursor.DepositsName)
                .Select(c => (long?)c.LastBlock).FirstOrDefaultAsync(ct);
            if (cursor is null)
            {
                cursor = (options.Value.StartBlock ?? solid) - 1;
                await book.RecordAsync([], final: true, cursor, ct);
                logger.LogInformation("Deposit watcher starts at block {Block}", cursor + 1);
            }

            await _addresses.RefreshAsync(db, ct);
            var last = Math.Min(solid, cursor.Value + options.Value.MaxBlocksPerPass);
            var scanned = 0;
            var found = new List<ObservedTransfer>();
            var batchStart = cursor.Value + 1;
            for (var number = cursor.Value + 1; number <= last; number++)
            {
                await ScanBlockAsync(number, found, ct);
                scanned++;

                // Catching up, blocks are committed in batches (one transaction, one ledger batch); the cursor moves with them.
                if (number == last || found.Count >= 1_000 || number - batchStart + 1 >= 50)
                {
                    await RecordAndCreditAsync(book, found, number, ct);
                    found.Clear();
                    batchStart = number + 1;
                }
            }

            metrics.WatcherPassed(solid, last);
            await book.CreditDueAsync(ct);
            await RecheckClaimsAsync(services, db, ct);
            return scanned;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>One block: the USDT Transfer logs that pay deposit addresses (<see cref="TransferMatch"/>: the rule a pasted TXID is checked by too).</summary>
    internal async Task ScanBlockAsync(long number, List<ObservedTransfer> found, CancellationToken ct)
    {
        var infos = await node.GetTransactionInfoByBlockNumAsync(number, ct);
        var usdt = chain.Value.Usdt;
        Func<TronAddress, string?> ownerOf = to => _addresses.TryGetUser(to, out var userId) ? userId : null;
        foreach (var info in infos)
        {
            var match = TransferMatch.Of(info, usdt, ownerOf);
            foreach (var t in match.Transfers)
            {
                found.Add(new ObservedTransfer(info.Id, t.LogIndex, t.UserId, t.To.ToBase58(), t.Amount, number));
            }
        }
    }

    private static async Task RecordAndCreditAsync(DepositBook book, List<ObservedTransfer> found, long cursor, CancellationToken ct)
    {
        await book.RecordAsync(found, final: true, cursor, ct);
        if (found.Count > 0)
        {
            await book.CreditAsync([.. found.Select(f => f.Address).Distinct(StringComparer.Ordinal)], ct);
        }
    }

    private async Task RecheckClaimsAsync(IServiceProvider services, AppDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var since = now - options.Value.UnknownClaimWindow;
        await db.Set<DepositClaim>().Where(c => c.ResolvedAt == null && c.CreatedAt < since)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ResolvedAt, now).SetProperty(c => c.Outcome, "deposit/expired"), ct);
        // Round robin: each pass continues after the last claim it re-checked and wraps around, so every waiting
        // claim gets its turn however many wait (the oldest never starve the newest).
        var take = options.Value.ClaimRechecksPerPass;
        var after = _lastRechecked;
        var open = await db.Set<DepositClaim>().AsNoTracking().Where(c => c.ResolvedAt == null && c.Id > after).OrderBy(c => c.Id).Take(take).ToListAsync(ct);
        if (open.Count < take && after > 0)
        {
            var wrapped = await db.Set<DepositClaim>().AsNoTracking().Where(c => c.ResolvedAt == null && c.Id <= after).OrderBy(c => c.Id).Take(take - open.Count).ToListAsync(ct);
            open.AddRange(wrapped);
        }

        var claims = services.GetRequiredService<DepositClaims>();
        foreach (var claim in open)
        {
            await claims.RecheckAsync(claim, ct);
            _lastRechecked = claim.Id;
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var seconds = options.Value.PollInterval.TotalSeconds * Math.Pow(2, Math.Min(failures, 10));
        return TimeSpan.FromSeconds(Math.Min(seconds, options.Value.MaxBackoff.TotalSeconds));
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
