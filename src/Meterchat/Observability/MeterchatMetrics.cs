using System.Diagnostics.Metrics;

namespace Meterchat.Observability;

/// <summary>
/// Every product instrument of the <c>Meterchat</c> meter, in one place (docs/operations.md lists them). Features
/// record with one-line calls; gauges read cached values (<see cref="Figures"/>, the watcher's last pass), never the
/// database, so a scrape costs nothing.
/// </summary>
public sealed class MeterchatMetrics
{
    public const string MeterName = "Meterchat";

    private static readonly double[] LagBucketsMs = [5, 10, 25, 50, 100, 250, 500, 750, 1000, 2500, 5000, 10_000];
    private static readonly double[] WaitBucketsSeconds = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21_600, 86_400];
    private static readonly int[] BatchBuckets = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500];

    private readonly Counter<long> _unitsCharged;
    private readonly Histogram<double> _chargeLag;
    private readonly Counter<long> _pushes;
    private readonly UpDownCounter<long> _hubConnections;
    private readonly Counter<long> _depositsSeen;
    private readonly Counter<long> _depositsCredited;
    private readonly Counter<long> _depositsCreditedMicros;
    private readonly Counter<long> _depositsRefused;
    private readonly Counter<long> _payoutsFinished;
    private readonly Histogram<double> _payoutToBroadcast;
    private readonly Histogram<double> _payoutToFinal;
    private readonly Counter<long> _ledgerTransfers;
    private readonly Histogram<int> _ledgerBatch;
    private readonly Counter<long> _signIns;
    private readonly Counter<long> _lockouts;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _fraudFlags;

    private long _chainHead = -1;
    private long _watcherBlock = -1;
    private long _clockTickTicks;

    public MeterchatMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _unitsCharged = meter.CreateCounter<long>("meterchat.units.charged", description: "Chat units charged to buyers (one per ledger transfer).");
        _chargeLag = meter.CreateHistogram("meterchat.charge.lag", "ms", "When a unit landed in the ledger minus when it fell due.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LagBucketsMs });
        _pushes = meter.CreateCounter<long>("meterchat.pushes.sent", description: "Session state pushes sent to chat parties (by kind).");
        _hubConnections = meter.CreateUpDownCounter<long>("meterchat.hub.connections", description: "Open SignalR connections on this node (by hub).");
        _depositsSeen = meter.CreateCounter<long>("meterchat.deposits.seen", description: "USDT transfers to deposit addresses recorded (by whether final).");
        _depositsCredited = meter.CreateCounter<long>("meterchat.deposits.credited", description: "Deposits credited to wallets.");
        _depositsCreditedMicros = meter.CreateCounter<long>("meterchat.deposits.credited.micros", description: "µUSDT credited by deposits.");
        _depositsRefused = meter.CreateCounter<long>("meterchat.deposits.refused", description: "Deposit claims refused (by reason, the problem type).");
        _payoutsFinished = meter.CreateCounter<long>("meterchat.payouts.finished", description: "Payouts final on chain (by outcome).");
        _payoutToBroadcast = meter.CreateHistogram("meterchat.payout.request_to_broadcast", "s", "From the withdrawal request to the node accepting its transaction.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = WaitBucketsSeconds });
        _payoutToFinal = meter.CreateHistogram("meterchat.payout.broadcast_to_final", "s", "From signing (broadcast follows at once) to the transaction being final.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = WaitBucketsSeconds });
        _ledgerTransfers = meter.CreateCounter<long>("meterchat.ledger.transfers", description: "Transfers submitted to the ledger (rate: transfers/s).");
        _ledgerBatch = meter.CreateHistogram("meterchat.ledger.batch.size", "{transfer}", "Transfers per ledger batch.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = BatchBuckets });
        _signIns = meter.CreateCounter<long>("meterchat.signins", description: "Successful sign-ins (cookie or bearer).");
        _lockouts = meter.CreateCounter<long>("meterchat.lockouts", description: "Sign-ins refused because the account is locked out.");
        _rateLimited = meter.CreateCounter<long>("meterchat.ratelimit.refusals", description: "Requests refused by a rate limit (by policy).");
        _fraudFlags = meter.CreateCounter<long>("meterchat.fraud.flags", description: "Fraud flags raised (by rule).");

        meter.CreateObservableGauge("meterchat.sessions", () => Tagged(Figures.SessionsByState, "state"), description: "Chat sessions not yet ended (by state).");
        meter.CreateObservableGauge("meterchat.deposit.claims.pending", () => Figures.ClaimsPending, description: "Pasted TXIDs not yet resolved.");
        meter.CreateObservableGauge("meterchat.payouts", () => Tagged(Figures.PayoutsByStatus, "status"), description: "Withdrawals not yet final (by status).");
        meter.CreateObservableGauge("meterchat.payouts.oldest_waiting", () => Figures.OldestWaitingPayoutSeconds, "s", "Age of the oldest withdrawal not yet final.");
        meter.CreateObservableGauge("meterchat.payouts.pending.micros", () => Figures.PayoutsPendingMicros, description: "µUSDT (net) of withdrawals not yet final.");
        meter.CreateObservableGauge("meterchat.payouts.requested_last_hour.micros", () => Figures.PayoutsRequestedLastHourMicros,
            description: "µUSDT (net) requested in the last hour: the expected payouts of the next hour.");
        meter.CreateObservableGauge("meterchat.liabilities.micros", () => Figures.LiabilitiesMicros, description: "µUSDT users hold (wallets, earnings, held).");
        meter.CreateObservableGauge("meterchat.hot_wallet.usdt.micros", () => Optional(Figures.HotWalletUsdtMicros), description: "The hot wallet's USDT on chain.");
        meter.CreateObservableGauge("meterchat.hot_wallet.trx.sun", () => Optional(Figures.HotWalletTrxSun), description: "The hot wallet's TRX (pays energy) on chain.");
        meter.CreateObservableGauge("meterchat.reserves.micros", () => Optional(Figures.ReservesMicros), description: "USDT on chain: hot wallet and unswept deposit addresses.");
        meter.CreateObservableGauge("meterchat.reserves.surplus.micros", () => Optional(Figures.ReservesSurplusMicros), description: "Reserves minus liabilities.");
        meter.CreateObservableGauge("meterchat.watcher.chain_head", () => Optional(Known(Interlocked.Read(ref _chainHead))), description: "Solidified head block the watcher last saw.");
        meter.CreateObservableGauge("meterchat.watcher.block", () => Optional(Known(Interlocked.Read(ref _watcherBlock))), description: "Last block the deposit watcher scanned.");
        meter.CreateObservableGauge("meterchat.watcher.blocks_behind", () => Optional(BlocksBehind), description: "Solidified head minus the watcher's last block.");
    }

    /// <summary>The latest figures; replaced whole by the refresher.</summary>
    public SystemFigures Figures { get; set; } = SystemFigures.None;

    public long? BlocksBehind
    {
        get
        {
            var head = Interlocked.Read(ref _chainHead);
            var block = Interlocked.Read(ref _watcherBlock);
            return head < 0 || block < 0 ? null : Math.Max(0, head - block);
        }
    }

    /// <summary>When the meter clock last ticked on this node; null before its first tick.</summary>
    public DateTimeOffset? LastClockTick
    {
        get
        {
            var ticks = Interlocked.Read(ref _clockTickTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    public void UnitCharged(TimeSpan lag)
    {
        _unitsCharged.Add(1);
        _chargeLag.Record(Math.Max(0, lag.TotalMilliseconds));
    }

    public void ClockTicked(DateTimeOffset at) => Interlocked.Exchange(ref _clockTickTicks, at.UtcTicks);

    public void PushSent(string kind, int count = 1) => _pushes.Add(count, new KeyValuePair<string, object?>("kind", kind));

    public void HubConnected(string hub) => _hubConnections.Add(1, new KeyValuePair<string, object?>("hub", hub));

    public void HubDisconnected(string hub) => _hubConnections.Add(-1, new KeyValuePair<string, object?>("hub", hub));

    public void DepositsSeen(int count, bool final) => _depositsSeen.Add(count, new KeyValuePair<string, object?>("final", final ? "true" : "false"));

    public void DepositCredited(long micros)
    {
        _depositsCredited.Add(1);
        _depositsCreditedMicros.Add(micros);
    }

    public void DepositRefused(string reason) => _depositsRefused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void WatcherPassed(long chainHead, long lastScanned)
    {
        Interlocked.Exchange(ref _chainHead, chainHead);
        Interlocked.Exchange(ref _watcherBlock, lastScanned);
    }

    public void PayoutBroadcast(TimeSpan sinceRequest) => _payoutToBroadcast.Record(Math.Max(0, sinceRequest.TotalSeconds));

    public void PayoutFinal(bool succeeded, TimeSpan sinceBroadcast)
    {
        _payoutsFinished.Add(1, new KeyValuePair<string, object?>("outcome", succeeded ? "completed" : "failed"));
        _payoutToFinal.Record(Math.Max(0, sinceBroadcast.TotalSeconds));
    }

    public void LedgerBatch(int transfers)
    {
        _ledgerTransfers.Add(transfers);
        _ledgerBatch.Record(transfers);
    }

    public void SignedIn() => _signIns.Add(1);

    public void LockedOut() => _lockouts.Add(1);

    public void RateLimited(string policy) => _rateLimited.Add(1, new KeyValuePair<string, object?>("policy", policy));

    public void FraudFlagRaised(string rule) => _fraudFlags.Add(1, new KeyValuePair<string, object?>("rule", rule));

    private static IEnumerable<Measurement<long>> Tagged(IReadOnlyDictionary<string, long> values, string tag) =>
        values.Select(v => new Measurement<long>(v.Value, new KeyValuePair<string, object?>(tag, v.Key)));

    private static IEnumerable<Measurement<long>> Optional(long? value) => value is { } v ? [new Measurement<long>(v)] : [];

    private static long? Known(long value) => value < 0 ? null : value;
}
