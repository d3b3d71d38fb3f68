using Meterchat.Audit;
using Meterchat.Chats.Store;
using Meterchat.Cluster;
using Meterchat.Data;
using Meterchat.Ledger;
using Meterchat.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Chats.Live;

/// <summary>
/// Drives every live session: each tick takes the sessions with something due (a unit, a deadline, a lost
/// heartbeat, a warning), charges all their due units in ONE ledger batch, appends the resulting events in one
/// store transaction, and pushes the new state. Sessions live in memory (a cache of their stored logs, rebuilt
/// on start with ServerRecovered); all writes go through one gate, so this node is the only writer it races.
/// With several nodes (<see cref="ClusterNode.Clustered"/>) a node keeps in memory only the sessions it holds a lease
/// for (MeterClock.Leases.cs): it claims a session on first touch, forwards events of sessions another node holds,
/// and every append is fenced by its lease token.
/// </summary>
public sealed partial class MeterClock(
    IChatSessions store,
    IServiceScopeFactory scopes,
    ILedger ledger,
    Meter meter,
    ChatNotifier notifier,
    LeaseStore leases,
    ClusterNode node,
    ClusterBus bus,
    TimeProvider time,
    IOptions<ChatOptions> options,
    ILogger<MeterClock> logger,
    MeterchatMetrics metrics) : BackgroundService
{
    // Big enough never to limit a plan: the ledger's guarded transfer decides whether the wallet covers a unit.
    private static readonly Micros Unlimited = new(long.MaxValue / 4);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<Guid, LiveSession> _sessions = [];
    private readonly PriorityQueue<LiveSession, DateTimeOffset> _queue = new();
    private readonly List<(Guid Session, long Unit, string Problem)> _faulted = [];
    private int _lastCharged;

    /// <summary>The admin audit log's action for a session ended (or stopped) by a billing fault.</summary>
    public const string BillingFaultAction = "chat.billing-fault";

    /// <summary>Who the audit log names for what the meter itself did.</summary>
    public static readonly AdminActor MeterActor = new("system:meter", "meter");

    public Meter Meter => meter;

    /// <summary>For the load tool: called with each charged unit's lag (when it landed in the ledger minus when it fell due).</summary>
    public Action<TimeSpan>? UnitLag { get; set; }

    /// <summary>Whether the last tick left due work behind (it took a full batch): the next one runs without a pause.</summary>
    private bool Behind { get; set; }

    /// <summary>Sessions held in memory now.</summary>
    public int Count => _sessions.Count;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // With several nodes, open sessions are taken over through their expired leases (LeaseKeeper), not all at once.
        await RecoverAsync(recoverOpen: !node.Clustered, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunClock)
        {
            return;
        }

        var interval = TimeSpan.FromMilliseconds(options.Value.TickMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stoppingToken);
                if (!Behind)
                {
                    await Task.Delay(interval, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Meter tick failed; retrying");
                await Task.Delay(interval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>One step of the clock: everything due by now. Returns how many units were charged.</summary>
    public async Task<int> TickAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            metrics.ClockTicked(now);
            var due = TakeDue(now);
            Behind = due.Count >= options.Value.MaxTickSessions;
            if (due.Count == 0)
            {
                return 0;
            }

            foreach (var live in due)
            {
                CheckDeadlines(live, now);
            }

            var charged = await ChargeAsync(due, now, ct);
            await RefreshWalletsAsync(due.Where(l => l.Wallet is null || charged.Contains(l)).ToList(), ct);
            foreach (var live in due)
            {
                if (live.Wallet is { } wallet && live.Session.State == ChatState.Live)
                {
                    var outlook = live.Session.Meter.Outlook(live.Session, now, wallet);
                    if (outlook.WarningDue)
                    {
                        live.Session.Apply(outlook.Warned(now));
                    }
                }
            }

            await RefundAsync(due, ct);
            var changed = due.Where(l => l.Session.Events.Count > l.Stored).ToList();
            await PersistAsync(changed, ct);
            await ReportFaultsAsync(ct);
            var ended = new List<Guid>();
            foreach (var live in due)
            {
                if (changed.Contains(live) || charged.Contains(live))
                {
                    await notifier.StatusAsync(live, now);
                }

                if (live.Session.IsOver && live.Session.UnitsToCharge(now) == 0 && (live.RefundSettled || !live.Session.RequiresAutoRefund) && live.IsStored)
                {
                    await notifier.EndedAsync(live, now);
                    _sessions.Remove(live.Id);
                    live.ScheduledAt = null;
                    ended.Add(live.Id);
                }
                else
                {
                    Schedule(live, now);
                }
            }

            if (node.Clustered)
            {
                await leases.ReleaseSessionsAsync(ended, ct);
            }

            return _lastCharged;
        }
        finally
        {
            _gate.Release();
        }
    }

    private List<LiveSession> TakeDue(DateTimeOffset now)
    {
        // Bounded: a clock that falls behind works through its backlog in batches of a size the store and ledger take
        // in one transaction each, instead of one ever larger tick.
        var due = new List<LiveSession>();
        var max = options.Value.MaxTickSessions;
        while (due.Count < max && _queue.TryPeek(out var live, out var at) && at <= now)
        {
            _queue.Dequeue();
            if (live.ScheduledAt == at && _sessions.TryGetValue(live.Id, out var current) && current == live)
            {
                live.ScheduledAt = null;
                due.Add(live);
            }
        }

        return due;
    }

    private static void CheckDeadlines(LiveSession live, DateTimeOffset now)
    {
        var session = live.Session;
        // Backdated to the party's last report: the silence before the timeout is not billed.
        foreach (var lost in live.Watch.TakeLost(now))
        {
            session.Apply(lost);
        }

        if (session.ConnectDeadline <= now)
        {
            session.Apply(new ConnectTimedOut(now));
        }

        if (session.ReconnectDeadline <= now)
        {
            session.Apply(new ReconnectGraceExpired(now));
        }
    }

    /// <summary>All due units of all due sessions in one ledger batch; each session stops at its first refusal.</summary>
    private async Task<HashSet<LiveSession>> ChargeAsync(List<LiveSession> due, DateTimeOffset now, CancellationToken ct)
    {
        var requests = new List<TransferRequest>();
        var plans = new List<(LiveSession Live, ChargePlan Plan, int First, DateTimeOffset At)>();
        foreach (var live in due)
        {
            // A stop (End, Leave, a drop) waiting for the gate: nothing that fell due after it arrived is charged.
            var at = ChargeUntil(live.Id, now);
            var plan = live.Session.Meter.Plan(live.Session, at, Unlimited);
            if (plan.IsEmpty)
            {
                continue;
            }

            plans.Add((live, plan, requests.Count, at));
            foreach (var unit in plan.Units)
            {
                requests.Add(UnitTransfer(live, unit, plan.Split));
            }
        }

        var charged = new HashSet<LiveSession>();
        _lastCharged = 0;
        if (plans.Count == 0)
        {
            return charged;
        }

        var results = requests.Count == 0 ? [] : await TransferAsync(requests, plans.Select(p => (p.First, (int)p.Plan.Count)).ToList(), ct);
        var landed = time.GetUtcNow();
        foreach (var (live, plan, first, at) in plans)
        {
            var stopped = false;
            for (var i = 0; i < plan.Count; i++)
            {
                var unit = plan.FirstUnit + i;
                var result = results[first + i];
                if (result is { Succeeded: true })
                {
                    live.Session.Apply(new UnitCharged(at, unit));
                    var lag = live.Session.LiveTime(at) - live.Session.Meter.DueAt(unit) + (landed - at);
                    UnitLag?.Invoke(lag);
                    metrics.UnitCharged(lag);
                    charged.Add(live);
                    live.BillingFaults = 0;
                    _lastCharged++;
                    continue;
                }

                if (result?.Status == TransferStatus.InsufficientFunds)
                {
                    live.Session.Apply(new UnitRefused(at, unit, EndReason.BalanceExhausted));
                }
                else
                {
                    Fault(live, unit, at, result?.Problem ?? $"the ledger failed ({result?.Status.ToString() ?? "exception"})");
                }

                stopped = true;
                break;
            }

            if (!stopped && plan.StopReason is { } reason)
            {
                live.Session.Apply(new UnitRefused(at, plan.RefusedUnit!.Value, reason));
            }
        }

        return charged;
    }

    /// <summary>
    /// The batch in one ledger transaction. If the ledger throws, nothing of it landed: each session's units are tried
    /// again on their own, so one session the ledger chokes on does not stop the clock for everyone else
    /// (null results are the units of a session whose own batch threw).
    /// </summary>
    private async Task<IReadOnlyList<TransferResult?>> TransferAsync(List<TransferRequest> requests, List<(int First, int Count)> sessions, CancellationToken ct)
    {
        try
        {
            return await ledger.TransferBatchAsync(requests, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "A batch of {Units} units failed; charging each of its {Sessions} sessions on its own", requests.Count, sessions.Count);
        }

        var results = new TransferResult?[requests.Count];
        foreach (var (first, count) in sessions)
        {
            try
            {
                var own = await ledger.TransferBatchAsync(requests.GetRange(first, count), ct);
                for (var i = 0; i < count; i++)
                {
                    results[first + i] = own[i];
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Units {First}.. of {Session} failed", requests[first].IdempotencyKey, requests[first].Reference);
            }
        }

        return results;
    }

    /// <summary>
    /// The ledger refused a unit for a reason that is not the buyer's money (or threw). It is tried again on the next
    /// ticks; after <see cref="ChatOptions.BillingAttempts"/> attempts billing stops there: a running session ends with
    /// BillingFault (refunded like a failure), and the admins see it in the audit log.
    /// </summary>
    private void Fault(LiveSession live, long unit, DateTimeOffset at, string problem)
    {
        live.BillingFaults++;
        if (live.BillingFaults < options.Value.BillingAttempts)
        {
            logger.LogWarning("Unit {Unit} of {Session} failed (attempt {Attempt}): {Problem}", unit, live.Id, live.BillingFaults, problem);
            return;
        }

        var result = live.Session.Apply(new UnitRefused(at, unit, EndReason.BillingFault));
        logger.LogError("Unit {Unit} of {Session} failed {Attempts} times; billing stops there ({Outcome}): {Problem}", unit, live.Id, live.BillingFaults, result.Outcome, problem);
        if (result.IsApplied)
        {
            _faulted.Add((live.Id, unit, problem));
        }
    }

    /// <summary>Each billing fault of this tick goes to the admin audit log (the admin console's log page), after its event is stored.</summary>
    private async Task ReportFaultsAsync(CancellationToken ct)
    {
        if (_faulted.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var audit = scope.ServiceProvider.GetRequiredService<AdminAuditLog>();
            foreach (var (id, unit, problem) in _faulted)
            {
                audit.Add(MeterActor, BillingFaultAction, $"session:{id}", $"Unit {unit} kept failing: {problem}", new { session = id, unit });
            }

            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Recording {Count} billing faults for the admins failed", _faulted.Count);
        }
        finally
        {
            _faulted.Clear();
        }
    }

    /// <summary>
    /// One unit: buyer wallet → seller earnings + platform revenue. A share of zero (commission 0 or 10,000 bp) has
    /// no leg, because the ledger refuses a leg that moves nothing.
    /// </summary>
    public static TransferRequest UnitTransfer(LiveSession live, long unit, UnitSplit split)
    {
        var legs = new List<Leg>(3) { new(AccountRef.Wallet(live.BuyerId), -split.Price) };
        if (split.Seller.IsPositive)
        {
            legs.Add(new Leg(AccountRef.Earnings(live.SellerId), split.Seller));
        }

        if (split.Platform.IsPositive)
        {
            legs.Add(new Leg(AccountRef.PlatformRevenue, split.Platform));
        }

        return new(UnitKey(live.Id, unit), TransferKind.ChatUnit, legs, live.Id.ToString());
    }

    public static string UnitKey(Guid sessionId, long unit) => $"unit:{sessionId}:{unit}";

    public static string RefundKey(Guid sessionId) => $"refund:{sessionId}";

    /// <summary>The buyers' wallet balances in one query per thousand buyers (for the panel and the warnings).</summary>
    private async Task RefreshWalletsAsync(List<LiveSession> sessions, CancellationToken ct)
    {
        if (sessions.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var byCode = sessions.GroupBy(l => AccountRef.Wallet(l.BuyerId).Code).ToList();
        foreach (var chunk in byCode.Chunk(1000))
        {
            var codes = chunk.Select(g => g.Key).ToList();
            var balances = await db.Set<LedgerAccount>().AsNoTracking().Where(a => codes.Contains(a.Code))
                .ToDictionaryAsync(a => a.Code, a => a.Balance, ct);
            foreach (var group in chunk)
            {
                var wallet = new Micros(balances.GetValueOrDefault(group.Key));
                foreach (var live in group)
                {
                    live.Wallet = wallet;
                }
            }
        }
    }

    private void Schedule(LiveSession live, DateTimeOffset now)
    {
        if (!_sessions.ContainsKey(live.Id))
        {
            return;
        }

        var session = live.Session;
        DateTimeOffset? next = session.IsOver || !live.IsStored ? now : session.NextUnitDueAt(now);
        next = Earliest(next, session.ConnectDeadline);
        next = Earliest(next, session.ReconnectDeadline);
        next = Earliest(next, live.Watch.NextDeadline);
        if (live.Wallet is { } wallet && session.State == ChatState.Live)
        {
            var outlook = session.Meter.Outlook(session, now, wallet);
            if (outlook.WarningDue || outlook.WarnAt > now)
            {
                next = Earliest(next, outlook.WarnAt);
            }
        }

        if (next is { } at && (live.ScheduledAt is null || at < live.ScheduledAt))
        {
            live.ScheduledAt = at;
            _queue.Enqueue(live, at);
        }
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
