using Meterchat.Chain;
using Meterchat.Chats;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.Deposits;
using Meterchat.Ledger;
using Meterchat.Observability;
using Meterchat.Tron.Node;
using Meterchat.Withdrawals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Hosting.Health;

/// <summary>
/// Reads the figures behind the gauges and the admin System page on a timer: a few aggregate queries every
/// <see cref="ObservabilityOptions.FiguresSeconds"/>, the chain (hot wallet, reserves over every deposit address)
/// every <see cref="ObservabilityOptions.ChainFiguresSeconds"/>. A failure keeps the last figures and is logged.
/// </summary>
public sealed class SystemFiguresRefresher(
    IServiceScopeFactory scopes,
    MeterchatMetrics metrics,
    TimeProvider time,
    IOptions<ObservabilityOptions> options,
    ILogger<SystemFiguresRefresher> logger) : BackgroundService
{
    private static readonly ChatState[] Open = [ChatState.Requested, ChatState.Accepted, ChatState.Connecting, ChatState.Live, ChatState.Paused];

    private static readonly WithdrawalStatus[] NotFinal =
    [
        WithdrawalStatus.Holding, WithdrawalStatus.InReview, WithdrawalStatus.Approved, WithdrawalStatus.WaitingForFunds,
        WithdrawalStatus.Stored, WithdrawalStatus.Broadcast, WithdrawalStatus.InBlock, WithdrawalStatus.Rejecting,
    ];

    private static readonly WithdrawalStatus[] NeverPaid = [WithdrawalStatus.Rejected, WithdrawalStatus.Cancelled, WithdrawalStatus.Rejecting];

    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var figuresEvery = TimeSpan.FromSeconds(options.Value.FiguresSeconds);
        var chainEvery = TimeSpan.FromSeconds(options.Value.ChainFiguresSeconds);
        // The chain waits one round: starting the app asks the node nothing more than it did.
        var nextChain = time.GetUtcNow() + figuresEvery;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var chain = time.GetUtcNow() >= nextChain;
                await RefreshAsync(chain, stoppingToken);
                if (chain)
                {
                    nextChain = time.GetUtcNow() + chainEvery;
                }

                await Task.Delay(figuresEvery, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Never stops the app: the gauges keep their last values and the next round tries again.
                logger.LogWarning(e, "Refreshing the system figures failed");
                await Task.Delay(figuresEvery, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Reads the database figures now (and the chain's when <paramref name="chain"/>); tests and the System page call it.</summary>
    public async Task<SystemFigures> RefreshAsync(bool chain, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var figures = metrics.Figures;
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                figures = await ReadDatabaseAsync(scope.ServiceProvider, figures, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Reading the system figures from the database failed; keeping the last ones");
            }

            if (chain)
            {
                try
                {
                    figures = await ReadChainAsync(scope.ServiceProvider, figures, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Reading the hot wallet and reserves from the node failed; keeping the last figures");
                }
            }

            metrics.Figures = figures;
            return figures;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SystemFigures> ReadDatabaseAsync(IServiceProvider services, SystemFigures last, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow();
        var sessions = await db.Set<ChatSessionRow>().AsNoTracking().Where(s => Open.Contains(s.State))
            .GroupBy(s => s.State).Select(g => new { State = g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var claims = await db.Set<DepositClaim>().AsNoTracking().LongCountAsync(c => c.ResolvedAt == null, ct);
        var waiting = db.Set<Withdrawal>().AsNoTracking().Where(w => NotFinal.Contains(w.Status));
        var payouts = await waiting.GroupBy(w => w.Status).Select(g => new { Status = g.Key, Count = g.LongCount(), Net = g.Sum(w => w.Net) }).ToListAsync(ct);

        // Ids grow with time: the lowest waiting id is the oldest request (no MIN over a converted timestamp).
        var oldest = await waiting.OrderBy(w => w.Id).Select(w => (DateTimeOffset?)w.CreatedAt).FirstOrDefaultAsync(ct);
        var hourAgo = now.AddHours(-1);
        var lastHour = await db.Set<Withdrawal>().AsNoTracking().Where(w => w.CreatedAt >= hourAgo && !NeverPaid.Contains(w.Status)).SumAsync(w => w.Net, ct);
        var liabilities = await db.Set<LedgerAccount>().AsNoTracking().Where(a => a.Kind != AccountKind.System).SumAsync(a => a.Balance, ct);
        return last with
        {
            At = now,
            SessionsByState = Open.ToDictionary(s => Name(s), s => sessions.FirstOrDefault(x => x.State == s)?.Count ?? 0),
            ClaimsPending = claims,
            PayoutsByStatus = NotFinal.ToDictionary(s => Name(s), s => payouts.FirstOrDefault(x => x.Status == s)?.Count ?? 0),
            OldestWaitingPayoutSeconds = oldest is { } o ? Math.Max(0, (long)(now - o).TotalSeconds) : 0,
            PayoutsPendingMicros = payouts.Sum(p => p.Net),
            PayoutsRequestedLastHourMicros = lastHour,
            LiabilitiesMicros = liabilities,
        };
    }

    private async Task<SystemFigures> ReadChainAsync(IServiceProvider services, SystemFigures last, CancellationToken ct)
    {
        var node = services.GetRequiredService<ITronNode>();
        var wallet = services.GetRequiredService<HotWallet>();
        var usdt = services.GetRequiredService<IOptions<ChainOptions>>().Value.Usdt;
        var hotUsdt = (long)await node.GetTrc20BalanceAsync(usdt, wallet.Address, ct);
        var trx = (await node.GetAccountAsync(wallet.Address, ct))?.BalanceSun ?? 0;
        long? reserves = null;
        foreach (var source in services.GetServices<IReservesSource>())
        {
            reserves = (reserves ?? 0) + (await source.GetReservesAsync(ct)).Value;
        }

        return last with { ChainAt = time.GetUtcNow(), HotWalletUsdtMicros = hotUsdt, HotWalletTrxSun = trx, ReservesMicros = reserves };
    }

    private static string Name<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
