using Meterchat.Accounts;
using Meterchat.Chain;
using Meterchat.Cluster;
using Meterchat.Data;
using Meterchat.Ledger;
using Meterchat.Observability;
using Meterchat.Tron.Node;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Withdrawals;

/// <summary>
/// Pays approved withdrawals, one pass at a time over every active one: finish requests and rejections that crashed
/// half-way, freeze a banned user's unsent ones, then hand each network its rows (<see cref="IPayoutNetwork"/>: TRON's
/// <see cref="TronPayouts"/>, Ethereum's <c>EthereumPayouts</c>), which follow sent transactions and send the approved
/// ones: sign, <b>store the signed bytes and hash</b>, broadcast. Every ledger entry
/// is keyed (<see cref="PayoutTransfers"/>), so a pass repeated after a crash changes nothing twice. See docs/withdrawals.md.
/// </summary>
public sealed class PayoutSender(
    IServiceScopeFactory scopes,
    IEnumerable<IPayoutNetwork> networks,
    ILedger ledger,
    TimeProvider time,
    IOptions<WithdrawalsOptions> options,
    WorkerGate workers,
    ILogger<PayoutSender> logger) : BackgroundService
{
    /// <summary>Its lease name: with several nodes, one node at a time sends payouts.</summary>
    public const string WorkerName = "payout-sender";

    private static readonly WithdrawalStatus[] Active =
        [WithdrawalStatus.Holding, WithdrawalStatus.Rejecting, WithdrawalStatus.Approved, WithdrawalStatus.WaitingForFunds, WithdrawalStatus.Stored, WithdrawalStatus.Broadcast, WithdrawalStatus.InBlock];

    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <summary>Test hook: called at "stored" (signed bytes saved, not broadcast) and "broadcast" (sent, result not recorded).</summary>
    internal Action<string, Withdrawal>? CrashPoint { get; set; }

    private WithdrawalsOptions O => options.Value;

    /// <summary>One pass over every active withdrawal; returns how many it looked at. Touches the node only when there is work.</summary>
    public async Task<int> ProcessOnceAsync(CancellationToken ct = default)
    {
        await _pass.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var work = await db.Set<Withdrawal>().Where(w => Active.Contains(w.Status)).OrderBy(w => w.Id).ToListAsync(ct);
            if (work.Count == 0)
            {
                return 0;
            }

            foreach (var w in work.Where(w => w.Status is WithdrawalStatus.Holding))
            {
                await Guarded(db, w, () => SettleHoldAsync(w, ct), ct);
            }

            foreach (var w in work.Where(w => w.Status is WithdrawalStatus.Rejecting))
            {
                await Guarded(db, w, async () =>
                {
                    PayoutTransfers.EnsureBooked([await ledger.TransferAsync(PayoutTransfers.Release(w), ct)], w);
                    w.MarkRejected(time.GetUtcNow());
                }, ct);
            }

            var unsent = work.Where(w => w.Status is WithdrawalStatus.Approved or WithdrawalStatus.WaitingForFunds).ToList();
            var allowed = (await WithoutBannedAsync(db, unsent, ct)).ToHashSet();
            foreach (var network in networks)
            {
                var mine = work.Where(w => w.Network == network.Network && (w.Status is WithdrawalStatus.Stored or WithdrawalStatus.Broadcast or WithdrawalStatus.InBlock || allowed.Contains(w))).ToList();
                try
                {
                    if (mine.Count > 0)
                    {
                        await network.PassAsync(db, mine, (w, action) => Guarded(db, w, action, ct), CrashPoint, ct);
                    }
                }
                catch (Exception e) when (IsNodeTrouble(e))
                {
                    // One chain's node being down does not stop the others' payouts.
                    logger.LogError(e, "{Network} payouts: node unavailable; retried next pass", network.Network);
                }
            }

            await db.SaveChangesAsync(ct);
            return work.Count;
        }
        finally
        {
            _pass.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(O.SenderInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (await workers.MayRunAsync(WorkerName, stoppingToken))
                    {
                        await ProcessOnceAsync(stoppingToken);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Payout pass failed; retrying next interval");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        _pass.Dispose();
        base.Dispose();
    }

    /// <summary>A banned user's withdrawals are frozen: one approved before the ban goes back to review, never out.</summary>
    private async Task<List<Withdrawal>> WithoutBannedAsync(AppDbContext db, List<Withdrawal> toSend, CancellationToken ct)
    {
        var users = toSend.Select(w => w.UserId).Distinct().ToList();
        var banned = await db.Set<AppUser>().Where(u => EF.Parameter(users).Contains(u.Id) && u.BannedAt != null).Select(u => u.Id).ToListAsync(ct);
        foreach (var w in toSend.Where(w => banned.Contains(w.UserId)))
        {
            await Guarded(db, w, () =>
            {
                w.Freeze("account banned", time.GetUtcNow());
                return Task.CompletedTask;
            }, ct);
        }

        return toSend.Where(w => !banned.Contains(w.UserId)).ToList();
    }

    /// <summary>A request that crashed between its row and its hold: hold now, or cancel when earnings no longer cover it.</summary>
    private async Task SettleHoldAsync(Withdrawal w, CancellationToken ct)
    {
        if (w.CreatedAt > time.GetUtcNow().AddMinutes(-1))
        {
            return; // its request may still be running
        }

        var hold = await ledger.TransferAsync(PayoutTransfers.Hold(w), ct);
        if (hold.Succeeded)
        {
            w.Held(time.GetUtcNow());
        }
        else
        {
            w.Cancel(time.GetUtcNow());
        }
    }

    /// <summary>A node's failure (TRON or Ethereum JSON-RPC): retried next pass.</summary>
    private static bool IsNodeTrouble(Exception e) => e is TronNodeException or HttpRequestException
        or Nethereum.JsonRpc.Client.RpcClientUnknownException or Nethereum.JsonRpc.Client.RpcClientTimeoutException or Nethereum.JsonRpc.Client.RpcResponseException;

    /// <summary>One withdrawal's step; a failure is logged and that withdrawal retried next pass, the others go on.</summary>
    private async Task Guarded(AppDbContext db, Withdrawal w, Func<Task> step, CancellationToken ct)
    {
        try
        {
            await step();
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Payout {Withdrawal} changed underneath this pass (another sender or an admin); skipped", w.Id);
            db.Entry(w).State = EntityState.Detached;
        }
        catch (Exception e) when (IsNodeTrouble(e) || e is InvalidOperationException)
        {
            logger.LogError(e, "Payout {Withdrawal} step failed; retried next pass", w.Id);
            await db.Entry(w).ReloadAsync(ct);
        }
    }
}
