using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Store;
using Meterchat.Bench.Sellers;
using Meterchat.Data;
using Meterchat.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.Bench.Chats;

/// <summary>
/// N concurrent live sessions against the real meter clock and ledger (no browsers, no hub): sessions are written
/// to the store already live (both parties' media reported) with starts spread over one unit, the clock adopts
/// them, and every charged unit's lag (landed in the ledger − fell due) is recorded.
/// Usage: meter --sessions 10000 --seconds 30 [--warmup 12 --lead 20] [--provider Sqlite|Postgres --connection "..."]
/// </summary>
internal static class MeterLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--hub-clients"))
        {
            return await MeterHubClientProcess.RunAsync(args);
        }

        if (args.Contains("--hub"))
        {
            return await MeterHubLoad.RunAsync(args);
        }

        var sessions = int.Parse(Arg(args, "--sessions") ?? "10000", CultureInfo.InvariantCulture);
        var seconds = int.Parse(Arg(args, "--seconds") ?? "30", CultureInfo.InvariantCulture);
        var provider = Arg(args, "--provider") ?? "Sqlite";

        // The whole app (every feature registered as in production), in memory: no hub clients here.
        var settings = new Dictionary<string, string>
        {
            ["Chat:TickMilliseconds"] = "100",
            ["Meter:HeartbeatTimeoutSeconds"] = "300", // no hub here: no heartbeats to send
        };
        if (Arg(args, "--connection") is { } connection)
        {
            settings["Database:Provider"] = provider;
            settings["Database:ConnectionString"] = connection;
        }

        await using var app = new BenchApp(settings);
        var services = app.Services;
        var clock = services.GetRequiredService<MeterClock>();
        var ledger = services.GetRequiredService<ILedger>();

        var setup = Stopwatch.StartNew();
        var lead = TimeSpan.FromSeconds(double.Parse(Arg(args, "--lead") ?? Math.Max(15, sessions / 1000.0 * 2).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        var start = DateTimeOffset.UtcNow + lead;
        var ids = await CreateLiveSessionsAsync(services, ledger, sessions, start);
        await services.GetRequiredService<LiveSessions>().AdoptAsync(ids);
        Console.WriteLine($"Setup of {sessions} sessions: {setup.Elapsed.TotalSeconds:F1} s (lead {lead.TotalSeconds:F0} s)");
        var late = DateTimeOffset.UtcNow - start;
        if (late > TimeSpan.Zero)
        {
            // The sessions' starts are fixed before setup: the clock adopts them already overdue, and the lags below
            // then measure the setup's overrun, not the clock.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"WARNING: setup overran the lead by {late.TotalSeconds:F1} s; every session was overdue when adopted. Re-run with --lead {Math.Ceiling((setup.Elapsed.TotalSeconds + 30) / 10) * 10:F0} for a clean figure."));
        }

        // Measure after one unit of warm-up past the last start, for the given time.
        var from = start + TimeSpan.FromSeconds(double.Parse(Arg(args, "--warmup") ?? "12", CultureInfo.InvariantCulture));
        var until = from + TimeSpan.FromSeconds(seconds);
        var lags = new ConcurrentQueue<double>();
        clock.UnitLag = lag =>
        {
            var now = DateTimeOffset.UtcNow;
            if (now >= from && now < until)
            {
                lags.Enqueue(lag.TotalMilliseconds);
            }
        };
        await Task.Delay(until - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200));
        clock.UnitLag = null;

        var sorted = lags.Order().ToArray();
        double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: {sessions} live sessions, {sorted.Length} units in {seconds} s = {sorted.Length / (double)seconds:F0} units/s; lag p50 {P(0.50):F0} ms, p99 {P(0.99):F0} ms, max {(sorted.Length == 0 ? double.NaN : sorted[^1]):F0} ms"));
        return 0;
    }

    private static async Task<List<Guid>> CreateLiveSessionsAsync(IServiceProvider services, ILedger ledger, int count, DateTimeOffset start)
    {
        var terms = new ChatTerms(new TokenRate(20), 2500);
        var ids = new List<Guid>(count);
        for (var chunk = 0; chunk < count; chunk += 2000)
        {
            var n = Math.Min(2000, count - chunk);
            await ledger.TransferBatchAsync(Enumerable.Range(chunk, n)
                .Select(i => TransferRequest.Move($"deposit:bench:{i}", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet($"b{i}"), Micros.FromUsdt(100)))
                .ToList());
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var i = chunk; i < chunk + n; i++)
            {
                // Starts spread over one unit (6 s), so units fall due evenly, as they would in real life.
                var at = start + TimeSpan.FromMilliseconds(i * 6000.0 / count);
                ChatEvent[] log =
                [
                    new ChatRequested(at - TimeSpan.FromSeconds(1), terms),
                    new ChatAccepted(at - TimeSpan.FromSeconds(1)),
                    new PartyConnected(at, Party.Buyer),
                    new PartyConnected(at, Party.Seller),
                    new MediaReported(at, Party.Buyer, true, true),
                    new MediaReported(at, Party.Seller, true, true),
                ];
                var id = Guid.CreateVersion7(at);
                ids.Add(id);
                db.Add(new ChatSessionRow
                {
                    Id = id,
                    BuyerId = $"b{i}",
                    SellerId = $"s{i}",
                    RateTokensPerMinute = 20,
                    CommissionBasisPoints = 2500,
                    CreatedAt = at,
                    State = ChatState.Live,
                    EventCount = log.Length,
                    Version = 1,
                });
                for (var seq = 0; seq < log.Length; seq++)
                {
                    db.Add(new ChatEventRow { SessionId = id, Seq = seq, At = log[seq].At, Json = ChatJson.Serialize(log[seq]) });
                }
            }

            await db.SaveChangesAsync();
        }

        return ids;
    }

    internal static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
