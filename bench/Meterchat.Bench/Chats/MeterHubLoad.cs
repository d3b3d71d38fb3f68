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
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meterchat.Bench.Chats;

/// <summary>
/// The meter with real hub connections: the app on Kestrel (loopback, SQLite), N accepted sessions adopted by the
/// clock, two SignalR clients per session (buyer and seller, WebSockets) that join and report media every 2–3 s, so
/// sessions go live and stay live through the hub; records charge lag (UnitLag) and the unit pushes the clients get.
/// Server and clients share one process and the machine's cores. Every connection is opened first (retried); then
/// sessions are accepted and joined in waves, so each is joined well within its connect timeout however many there are.
/// With <c>--clients-process</c> the clients run in a child process of their own (<see cref="MeterHubClientProcess"/>).
/// Usage: meter --hub --sessions 250 --seconds 30 [--warmup 8 --wave 250] [--clients-process]
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
        var clients = args.Contains("--clients-process")
            ? await ChildProcessParties.StartAsync(app.BaseAddress, ids, tokens)
            : (IMeterHubParties)new InProcessParties(new MeterHubClients(app.BaseAddress, tokens), ids);
        var rssBefore = Environment.WorkingSet;
        var connect = Stopwatch.StartNew();
        await clients.OpenAsync();
        Console.WriteLine($"{clients.Connections} hub connections open in {connect.Elapsed.TotalSeconds:F1} s ({clients.Where})");

        var clock = app.Services.GetRequiredService<MeterClock>();
        var joined = 0;
        foreach (var batch in ids.Chunk(wave))
        {
            foreach (var s in batch)
            {
                await liveSessions.RecordAsync(s.Id, new ChatAccepted(DateTimeOffset.UtcNow));
            }

            await liveSessions.AdoptAsync(batch.Select(s => s.Id).ToList());
            joined = await clients.JoinAsync(batch.Select(s => s.Id).ToList());
        }

        var rssPerConnection = (Environment.WorkingSet + clients.OwnWorkingSet - rssBefore) / (double)Math.Max(1, clients.Connections);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{joined} parties joined in {connect.Elapsed.TotalSeconds:F1} s; RSS {rssPerConnection / 1024:F0} KB per connection (both ends)"));

        // Warm up one unit and a bit, then measure.
        await Task.Delay(TimeSpan.FromSeconds(warmup));
        var lags = new ConcurrentQueue<double>();
        clock.UnitLag = lag => lags.Enqueue(lag.TotalMilliseconds);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        await clients.StartMeasuringAsync();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var seen = await clients.StopMeasuringAsync();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        clock.UnitLag = null;
        await clients.DisposeAsync();

        var sorted = lags.Order().ToArray();
        var perMessage = (cpu.TotalMicroseconds + seen.ClientCpuMicros) / Math.Max(1, seen.Messages);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Hub: {sessions} sessions ({seen.Live} Live at the end), {seen.Connections} hub connections; {sorted.Length / (double)seconds:F0} units/s (needed {sessions / 6.0:F0}); "
            + $"charge lag p50 {P(sorted, 0.50):F0} ms, p99 {P(sorted, 0.99):F0} ms, max {P(sorted, 1):F0} ms; "
            + $"pushes {seen.PushesPerSecond:F0}/s, push latency p50 {seen.PushP50:F0} ms, p99 {seen.PushP99:F0} ms, max {seen.PushMax:F0} ms; "
            + $"CPU {perMessage:F0} µs per message (reports + pushes, server and clients; server alone {cpu.TotalMicroseconds / Math.Max(1, seen.Messages):F0} µs when the clients run {clients.Where})"));
        return 0;
    }

    internal static double P(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
}
