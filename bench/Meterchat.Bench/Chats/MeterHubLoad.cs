using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Meterchat.Accounts;
using Meterchat.Bench.Sellers;
using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.Ledger;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meterchat.Bench.Chats;

/// <summary>
/// The meter with real hub connections: the app on Kestrel (loopback, SQLite), N accepted sessions adopted by the
/// clock, two SignalR clients per session (buyer and seller, WebSockets) that join and report media every 2–3 s, so
/// sessions go live and stay live through the hub; records charge lag (UnitLag) and the unit pushes the clients get.
/// Server and clients share one process and the machine's cores. Every connection is opened first (retried); then
/// sessions are accepted and joined in waves, so each is joined well within its connect timeout however many there are.
/// Usage: meter --hub --sessions 250 --seconds 30 [--warmup 8 --wave 250]
/// </summary>
internal static class MeterHubLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sessions = int.Parse(MeterLoad.Arg(args, "--sessions") ?? "250", CultureInfo.InvariantCulture);
        var seconds = int.Parse(MeterLoad.Arg(args, "--seconds") ?? "30", CultureInfo.InvariantCulture);
        var warmup = double.Parse(MeterLoad.Arg(args, "--warmup") ?? "8", CultureInfo.InvariantCulture);
        var wave = int.Parse(MeterLoad.Arg(args, "--wave") ?? "250", CultureInfo.InvariantCulture);
        await using var app = new BenchApp(new Dictionary<string, string> { ["Chat:TickMilliseconds"] = "100" });
        app.Start();
        var setup = Stopwatch.StartNew();

        // Users straight into Identity (no password hashing); bearer tokens minted by the app's own bearer protector.
        var tokens = new Dictionary<string, string>();
        var ids = new List<(Guid Id, string Buyer, string Seller)>(sessions);
        var store = app.Services.GetRequiredService<IChatSessions>();
        var liveSessions = app.Services.GetRequiredService<LiveSessions>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
            var protector = app.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme).BearerTokenProtector;
            var ledger = app.Services.GetRequiredService<ILedger>();
            var terms = new ChatTerms(new TokenRate(20), 2500);
            for (var i = 0; i < sessions; i++)
            {
                var pair = new string[2];
                for (var k = 0; k < 2; k++)
                {
                    var email = $"{(k == 0 ? "b" : "s")}{i}@bench.test";
                    var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow, AdultConfirmedAt = DateTimeOffset.UtcNow };
                    var created = await users.CreateAsync(user);
                    if (!created.Succeeded)
                    {
                        throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
                    }

                    var ticket = new AuthenticationTicket(await signIn.CreateUserPrincipalAsync(user),
                        new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) }, IdentityConstants.BearerScheme);
                    tokens[user.Id] = protector.Protect(ticket);
                    pair[k] = user.Id;
                }

                await ledger.TransferAsync(TransferRequest.Move($"deposit:bench:{i}", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(pair[0]), Micros.FromUsdt(100)));
                ids.Add((await store.RequestAsync(pair[0], pair[1], terms), pair[0], pair[1]));
            }
        }

        Console.WriteLine($"Setup of {sessions} users pairs, deposits and requested sessions: {setup.Elapsed.TotalSeconds:F1} s");

        // Clients: every connection opened first (16 at a time, retried); then waves of sessions are accepted and their
        // parties join and report, so no session waits out its connect timeout behind the others' connects.
        var measuring = false;
        long pushes = 0;
        long reports = 0;
        var pushLags = new ConcurrentQueue<double>();
        var lastState = new ConcurrentDictionary<Guid, string>();
        using var stop = new CancellationTokenSource();
        var hubs = new ConcurrentDictionary<(Guid, string), HubConnection>();
        var loops = new ConcurrentBag<Task>();
        var rssBefore = Environment.WorkingSet;
        var connect = Stopwatch.StartNew();
        var parties = ids.SelectMany(s => new[] { (s.Id, s.Buyer), (s.Id, s.Seller) }).ToList();
        await Parallel.ForEachAsync(parties, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (c, ct) =>
        {
            var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(app.BaseAddress, ChatHub.Path), o =>
                {
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                    o.AccessTokenProvider = () => Task.FromResult<string?>(tokens[c.Item2]);
                })
                .Build();
            hub.On<ChatStatus>("Status", st =>
            {
                lastState[st.SessionId] = st.State;
                if (Volatile.Read(ref measuring))
                {
                    Interlocked.Increment(ref pushes);
                    pushLags.Enqueue((DateTimeOffset.UtcNow - st.ServerNow).TotalMilliseconds);
                }
            });
            await RetryAsync(() => hub.StartAsync(ct), ct);
            hubs[c] = hub;
        });
        Console.WriteLine($"{hubs.Count} hub connections open in {connect.Elapsed.TotalSeconds:F1} s");

        var clock = app.Services.GetRequiredService<MeterClock>();
        var joined = 0;
        foreach (var batch in ids.Chunk(wave))
        {
            foreach (var s in batch)
            {
                await liveSessions.RecordAsync(s.Id, new ChatAccepted(DateTimeOffset.UtcNow));
            }

            await liveSessions.AdoptAsync(batch.Select(s => s.Id).ToList());
            await Parallel.ForEachAsync(batch.SelectMany(s => new[] { (s.Id, s.Buyer), (s.Id, s.Seller) }), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (c, ct) =>
            {
                var hub = hubs[c];
                await RetryAsync(() => hub.InvokeAsync<JoinResult>("Join", c.Id, ct), ct);
                await hub.InvokeAsync("Report", true, true, ct);
                Interlocked.Increment(ref joined);
                loops.Add(ReportLoopAsync(hub, () => Interlocked.Increment(ref reports), stop.Token));
            });
        }

        var rssPerConnection = (Environment.WorkingSet - rssBefore) / (double)Math.Max(1, hubs.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{joined} parties joined in {connect.Elapsed.TotalSeconds:F1} s; RSS {rssPerConnection / 1024:F0} KB per connection (both ends)"));

        // Warm up one unit and a bit, then measure.
        await Task.Delay(TimeSpan.FromSeconds(warmup));
        var lags = new ConcurrentQueue<double>();
        clock.UnitLag = lag => lags.Enqueue(lag.TotalMilliseconds);
        Interlocked.Exchange(ref reports, 0);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        Volatile.Write(ref measuring, true);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        Volatile.Write(ref measuring, false);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var messages = Interlocked.Read(ref reports) + Interlocked.Read(ref pushes);
        clock.UnitLag = null;
        var live = lastState.Values.Count(s => s == "Live");

        await stop.CancelAsync();
        await Task.WhenAll(loops);
        await Task.WhenAll(hubs.Values.Select(h => h.DisposeAsync().AsTask()));

        var sorted = lags.Order().ToArray();
        var pushSorted = pushLags.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Hub: {sessions} sessions ({live} Live at the end), {hubs.Count} hub connections; {sorted.Length / (double)seconds:F0} units/s (needed {sessions / 6.0:F0}); "
            + $"charge lag p50 {P(sorted, 0.50):F0} ms, p99 {P(sorted, 0.99):F0} ms, max {P(sorted, 1):F0} ms; "
            + $"pushes {pushes / (double)seconds:F0}/s, push latency p50 {P(pushSorted, 0.50):F0} ms, p99 {P(pushSorted, 0.99):F0} ms, max {P(pushSorted, 1):F0} ms; "
            + $"CPU {cpu.TotalMicroseconds / Math.Max(1, messages):F0} µs per message (reports + pushes, server and clients)"));
        return 0;
    }

    private static async Task ReportLoopAsync(HubConnection hub, Action reported, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(2000 + Random.Shared.Next(1000), stop);
                await hub.InvokeAsync("Report", true, true, stop);
                reported();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>A connect or join that fails under load (a timeout, a refused socket) is tried again, up to 5 times.</summary>
    private static async Task RetryAsync(Func<Task> attempt, CancellationToken ct)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                await attempt();
                return;
            }
            catch (Exception) when (i < 5 && !ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * i), ct);
            }
        }
    }

    private static double P(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
}
