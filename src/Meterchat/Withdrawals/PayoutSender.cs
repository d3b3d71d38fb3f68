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
/// Pays approved withdrawals. Per withdrawal: build and check the transfer, sign, <b>store the signed bytes and
/// TXID</b>, broadcast; then rebroadcast those same bytes until they land, and follow them to the solidified
/// head. Only a transaction proven expired (head block time past its expiration) and absent is replaced.
/// Final success: held → chain:withdrawals (net) and held → platform:fees (fees); final failure: held → earnings.
/// Every ledger entry is keyed, so a pass repeated after a crash changes nothing twice. See docs/withdrawals.md.
/// </summary>
public sealed class PayoutSender(
    IServiceScopeFactory scopes,
    ITronNode node,
    HotWallet wallet,
    ILedger ledger,
    TimeProvider time,
    IOptions<WithdrawalsOptions> options,
    IOptions<ChainOptions> chain,
    WorkerGate workers,
    ILogger<PayoutSender> logger,
    MeterchatMetrics metrics) : BackgroundService
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

            var head = await node.GetNowBlockAsync(NodeView.Head, ct);
            foreach (var w in work.Where(w => w.Status is WithdrawalStatus.Holding))
            {
                await Guarded(db, w, () => SettleHoldAsync(w, ct), ct);
            }

            foreach (var w in work.Where(w => w.Status is WithdrawalStatus.Rejecting))
            {
                await Guarded(db, w, async () =>
                {
                    Ensure([await ledger.TransferAsync(WithdrawalReview.ReleaseTransfer(w), ct)], w);
                    Set(w, WithdrawalStatus.Rejected);
                }, ct);
            }

            foreach (var w in work.Where(w => w.Status is WithdrawalStatus.Stored or WithdrawalStatus.Broadcast or WithdrawalStatus.InBlock))
            {
                await Guarded(db, w, () => FollowAsync(w, head, ct), ct);
            }

            var toSend = work.Where(w => w.Status is WithdrawalStatus.Approved or WithdrawalStatus.WaitingForFunds).ToList();
            toSend = await WithoutBannedAsync(db, toSend, ct);
            if (toSend.Count > 0)
            {
                var usdt = new Micros((long)await node.GetTrc20BalanceAsync(chain.Value.Usdt, wallet.Address, ct));
                var trx = (await node.GetAccountAsync(wallet.Address, ct))?.BalanceSun ?? 0;
                // USDT promised to transactions not yet in a block is still in the balance: count it as spent.
                var reserved = new Micros(work.Where(w => w.Status is WithdrawalStatus.Stored or WithdrawalStatus.Broadcast).Sum(w => w.Net));
                foreach (var w in toSend)
                {
                    var available = usdt - reserved;
                    if (available.Value < w.Net || trx < O.FeeLimitSun)
                    {
                        await Guarded(db, w, () => WaitForFundsAsync(w, available, trx), ct);
                        continue;
                    }

                    await Guarded(db, w, () => SendAsync(db, w, head, ct), ct);
                    reserved += new Micros(w.Net);
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
                WithdrawalReview.Freeze(w, "account banned", time.GetUtcNow());
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

        var hold = await ledger.TransferAsync(WithdrawalRequests.HoldTransfer(w), ct);
        Set(w, hold.Succeeded ? (w.ReviewReason is null ? WithdrawalStatus.Approved : WithdrawalStatus.InReview) : WithdrawalStatus.Cancelled);
    }

    private Task WaitForFundsAsync(Withdrawal w, Micros availableUsdt, long trxSun)
    {
        var reason = $"Hot wallet has {availableUsdt.ToUsdtString()} USDT free and {trxSun / 1_000_000m:0.######} TRX; needs {new Micros(w.Net).ToUsdtString()} USDT and {O.FeeLimitSun / 1_000_000m:0.######} TRX for energy.";
        if (w.Status != WithdrawalStatus.WaitingForFunds || w.FailureReason != reason)
        {
            logger.LogWarning("Payout {Withdrawal} waiting for hot wallet funds: {Reason}", w.Id, reason);
            w.FailureReason = reason;
            Set(w, WithdrawalStatus.WaitingForFunds);
        }

        return Task.CompletedTask;
    }

    private async Task SendAsync(AppDbContext db, Withdrawal w, NodeBlock head, CancellationToken ct)
    {
        var signed = PayoutTransaction.Build(w, head, chain.Value.Usdt, wallet, time.GetUtcNow().ToUnixTimeMilliseconds(),
            (long)O.TransactionLifetime.TotalMilliseconds, O.FeeLimitSun);
        w.SignedHex = signed.ToHex();
        w.TxId = signed.TxIdHex;
        w.ExpirationMs = signed.Raw.Expiration;
        w.Attempts++;
        w.FailureReason = null;
        Set(w, WithdrawalStatus.Stored);
        // The claim: saved before any node sees the bytes. A concurrent sender's save fails on the version.
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Payout {Withdrawal} signed as {TxId} (attempt {Attempt})", w.Id, w.TxId, w.Attempts);
        CrashPoint?.Invoke("stored", w);

        var result = await node.BroadcastHexAsync(w.SignedHex, ct);
        CrashPoint?.Invoke("broadcast", w);
        Record(w, result);
    }

    private void Record(Withdrawal w, BroadcastResult result)
    {
        if (result.Result || result.IsDuplicate)
        {
            if (w.Status == WithdrawalStatus.Stored)
            {
                Set(w, WithdrawalStatus.Broadcast);
                metrics.PayoutBroadcast(time.GetUtcNow() - w.CreatedAt);
            }
        }
        else
        {
            // Refused (e.g. TAPOS or expiration): keep the bytes; they are retried until proven expired and absent.
            logger.LogWarning("Payout {Withdrawal} {TxId} refused by the node: {Code} {Message}", w.Id, w.TxId, result.Code, result.Message);
            w.FailureReason = $"{result.Code} {result.Message}".Trim();
        }
    }

    private async Task FollowAsync(Withdrawal w, NodeBlock head, CancellationToken ct)
    {
        var txId = w.TxId!;
        var info = await node.GetTransactionInfoByIdAsync(txId, NodeView.Head, ct);
        if (info is null)
        {
            if (head.Timestamp.ToUnixTimeMilliseconds() > w.ExpirationMs && await node.GetTransactionByIdAsync(txId, ct) is null)
            {
                // Expired by the chain's own clock and in no block: it can never land. Only now may a new one be built.
                logger.LogWarning("Payout {Withdrawal} {TxId} expired and absent; a new transaction will be built", w.Id, txId);
                w.FailureReason = $"Transaction {txId} expired unconfirmed; rebuilt.";
                w.SignedHex = null;
                w.TxId = null;
                w.ExpirationMs = null;
                Set(w, WithdrawalStatus.Approved);
                return;
            }

            Record(w, await node.BroadcastHexAsync(w.SignedHex!, ct));
            return;
        }

        w.BlockNumber = info.BlockNumber;
        w.ChainFeeSun = info.Fee;
        w.EnergyUsed = info.Receipt.EnergyUsageTotal;
        if (w.Status != WithdrawalStatus.InBlock)
        {
            Set(w, WithdrawalStatus.InBlock);
        }

        var final = await node.GetTransactionInfoByIdAsync(txId, NodeView.Solidified, ct);
        if (final is null)
        {
            return;
        }

        if (final.ContractSucceeded)
        {
            var results = await ledger.TransferBatchAsync(
            [
                TransferRequest.Move($"payout:{w.Id}:paid", TransferKind.WithdrawalPaid, AccountRef.Held(w.UserId), AccountRef.ChainWithdrawals, new Micros(w.Net), $"withdrawal:{w.Id}"),
                TransferRequest.Move($"payout:{w.Id}:fee", TransferKind.WithdrawalFee, AccountRef.Held(w.UserId), AccountRef.PlatformFees, new Micros(w.PlatformFee + w.NetworkFee), $"withdrawal:{w.Id}"),
            ], ct);
            Ensure(results, w);
            w.CompletedAt = time.GetUtcNow();
            w.FailureReason = null;
            Set(w, WithdrawalStatus.Completed);
            metrics.PayoutFinal(succeeded: true, SinceSigned(w));
            logger.LogInformation("Payout {Withdrawal} {TxId} final in block {Block}; chain cost {Fee} sun", w.Id, txId, info.BlockNumber, info.Fee);
        }
        else
        {
            Ensure([await ledger.TransferAsync(WithdrawalReview.ReleaseTransfer(w), ct)], w);
            w.CompletedAt = time.GetUtcNow();
            w.FailureReason = $"Failed on chain: {final.Receipt.Result} {final.ResultMessage}".Trim();
            Set(w, WithdrawalStatus.Failed);
            metrics.PayoutFinal(succeeded: false, SinceSigned(w));
            logger.LogWarning("Payout {Withdrawal} {TxId} failed on chain ({Result}); funds returned to earnings", w.Id, txId, final.Receipt.Result);
        }
    }

    private static void Ensure(IReadOnlyList<TransferResult> results, Withdrawal w)
    {
        if (results.FirstOrDefault(r => !r.Succeeded) is { } bad)
        {
            throw new InvalidOperationException($"Ledger refused {bad.IdempotencyKey} for payout {w.Id}: {bad.Status} {bad.Problem}");
        }
    }

    /// <summary>Signed (and broadcast at once) when the head was at its expiration minus the lifetime: no column needed.</summary>
    private TimeSpan SinceSigned(Withdrawal w) =>
        time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(w.ExpirationMs ?? 0) + O.TransactionLifetime;

    private void Set(Withdrawal w, WithdrawalStatus status)
    {
        w.Status = status;
        w.UpdatedAt = time.GetUtcNow();
        w.Version++;
    }

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
        catch (Exception e) when (e is TronNodeException or HttpRequestException or InvalidOperationException)
        {
            logger.LogError(e, "Payout {Withdrawal} step failed; retried next pass", w.Id);
            await db.Entry(w).ReloadAsync(ct);
        }
    }
}
