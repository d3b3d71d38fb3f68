using Meterchat.Ledger;
using Meterchat.Observability;
using Microsoft.Extensions.Options;

namespace Meterchat.Chats.Live;

/// <summary>
/// The tick: under the sessions' gate it takes the sessions with something due (a unit, a deadline, a lost heartbeat,
/// a warning), charges all their due units in ONE ledger batch, books owed refunds, and hands them back to
/// <see cref="LiveSessions"/>, which stores the resulting events in bounded batches and pushes the new state.
/// The sessions themselves, their loading and storing are <see cref="LiveSessions"/>' (and
/// <see cref="SessionMemory"/>'s); the rebuild on start is <see cref="SessionRecovery"/>'s.
/// </summary>
public sealed class MeterClock(
    SessionMemory memory,
    LiveSessions sessions,
    SessionRecovery recovery,
    ArrivingStops arrivals,
    BuyerWallets wallets,
    BillingFaults faults,
    AutoRefunds refunds,
    ILedger ledger,
    Meter meter,
    TimeProvider time,
    IOptions<ChatOptions> options,
    ILogger<MeterClock> logger,
    MeterchatMetrics metrics) : BackgroundService
{
    // Big enough never to limit a plan: the ledger's guarded transfer decides whether the wallet covers a unit.
    private static readonly Micros Unlimited = new(long.MaxValue / 4);

    private int _lastCharged;

    /// <summary>The admin audit log's action for a session ended (or stopped) by a billing fault.</summary>
    public const string BillingFaultAction = "chat.billing-fault";

    /// <summary>Who the audit log names for what the meter itself did.</summary>
    public static readonly Audit.AdminActor MeterActor = new("system:meter", "meter");

    public Meter Meter => meter;

    /// <summary>For the load tool: called with each charged unit's lag (when it landed in the ledger minus when it fell due).</summary>
    public Action<TimeSpan>? UnitLag { get; set; }

    /// <summary>Whether the last tick left due work behind (it took a full batch): the next one runs without a pause.</summary>
    private bool Behind { get; set; }

    /// <summary>Sessions the clock drives from memory now.</summary>
    public int Count => memory.Count;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await recovery.RestartAsync(cancellationToken);
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
        await memory.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            metrics.ClockTicked(now);
            var due = memory.TakeDue(now, options.Value.MaxTickSessions);
            Behind = due.Count >= options.Value.MaxTickSessions;
            if (due.Count == 0)
            {
                return 0;
            }

            foreach (var live in due)
            {
                CheckDeadlines(live, now);
            }

            var (charged, debited) = await ChargeAsync(due, now, ct);
            // A charged buyer's wallet came back from the unit's debit (the committed balance, deposits included);
            // only a wallet never seen, or charged without it (a replayed unit), is read.
            await wallets.RefreshAsync(due.Where(l => l.Wallet is null || (charged.Contains(l) && !debited.Contains(l))).ToList(), ct);
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

            await refunds.RefundAsync(due, ct);
            await sessions.SettleTickAsync(due, charged, now, ct);
            await faults.ReportAsync(ct);
            return _lastCharged;
        }
        finally
        {
            memory.Release();
        }
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

    /// <summary>
    /// All due units of all due sessions in one ledger batch; each session stops at its first refusal. Returns the
    /// sessions charged and those whose wallet the ledger's debit gave back.
    /// </summary>
    private async Task<(HashSet<LiveSession> Charged, HashSet<LiveSession> Debited)> ChargeAsync(List<LiveSession> due, DateTimeOffset now, CancellationToken ct)
    {
        var requests = new List<TransferRequest>();
        var plans = new List<(LiveSession Live, ChargePlan Plan, int First, DateTimeOffset At)>();
        foreach (var live in due)
        {
            // A stop (End, Leave, a drop) waiting for the gate: nothing that fell due after it arrived is charged.
            var at = arrivals.ChargeUntil(live.Id, now);
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
        var debited = new HashSet<LiveSession>();
        _lastCharged = 0;
        if (plans.Count == 0)
        {
            return (charged, debited);
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
                    if (result.DebitedBalance is { } wallet)
                    {
                        live.Wallet = wallet;
                        debited.Add(live);
                    }

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
                    faults.Fault(live, unit, at, result?.Problem ?? $"the ledger failed ({result?.Status.ToString() ?? "exception"})");
                }

                stopped = true;
                break;
            }

            if (!stopped && plan.StopReason is { } reason)
            {
                live.Session.Apply(new UnitRefused(at, plan.RefusedUnit!.Value, reason));
            }
        }

        return (charged, debited);
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

    /// <summary>The accounts a session's units move money between (whatever the split: opening an unused one is harmless).</summary>
    public static IEnumerable<AccountRef> UnitAccounts(LiveSession live) =>
        [AccountRef.Wallet(live.BuyerId), AccountRef.Earnings(live.SellerId), AccountRef.PlatformRevenue];

    public static string UnitKey(Guid sessionId, long unit) => $"unit:{sessionId}:{unit}";

    public static string RefundKey(Guid sessionId) => $"refund:{sessionId}";
}
