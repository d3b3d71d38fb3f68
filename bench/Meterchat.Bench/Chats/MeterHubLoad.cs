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
    // Users (pairs) per setup save and ledger batch.
    private const int SetupChunk = 1000;

    public static async Task<int> RunAsync(string[] args)
    {
        var sessions = int.Parse(MeterLoad.Arg(args, "--sessions") ?? "250", CultureInfo.InvariantCulture);
        var seconds = int.Parse(MeterLoad.Arg(args, "--seconds") ?? "30", CultureInfo.InvariantCulture);
        var warmup = double.Parse(MeterLoad.Arg(args, "--warmup") ?? "8", CultureInfo.InvariantCulture);
        var wave = int.Parse(MeterLoad.Arg(args, "--wave") ?? "250", CultureInfo.InvariantCulture);
        // Each hub connection is a socket, i.e. a file descriptor, in the server (and in the clients' process): more
        // than the limit fails the last connects (EMFILE) however often they are retried. .NET raises the soft limit to
        // the hard one; only the hard limit (LimitNOFILE, `ulimit -Hn` as root) moves it.
        if (OpenFilesLimit() is { } limit && 2 * sessions + 200 > limit)
        {
            Console.WriteLine($"Warning: {2 * sessions} hub connections need as many file descriptors, but this process may open {limit} files: the last connects will fail.");
        }

        await using var app = new BenchApp(new Dictionary<string, string> { ["Chat:TickMilliseconds"] = "100" });
        app.Start();
        var setup = Stopwatch.StartNew();

        // Users straight into Identity's tables, 1,000 per save (no password hashing, no per-user uniqueness
        // queries: the names are new); bearer tokens minted by the app's own bearer protector from the app's own
        // claims factory (so the security stamp check passes); buyers funded by one ledger batch per chunk.
        var tokens = new Dictionary<string, string>();
        var pairs = new List<(string Buyer, string Seller)>(sessions);
        var store = app.Services.GetRequiredService<IChatSessions>();
        var liveSessions = app.Services.GetRequiredService<LiveSessions>();
        var protector = app.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme).BearerTokenProtector;
        var ledger = app.Services.GetRequiredService<ILedger>();
        foreach (var chunk in Enumerable.Range(0, sessions).Chunk(SetupChunk))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
            var made = chunk.Select(i => (New(users, $"b{i}@bench.test"), New(users, $"s{i}@bench.test"))).ToList();
            db.Users.AddRange(made.SelectMany(p => new[] { p.Item1, p.Item2 }));
            await db.SaveChangesAsync();
            foreach (var user in made.SelectMany(p => new[] { p.Item1, p.Item2 }))
            {
                var ticket = new AuthenticationTicket(await signIn.CreateUserPrincipalAsync(user),
                    new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(2) }, IdentityConstants.BearerScheme);
                tokens[user.Id] = protector.Protect(ticket);
            }

            await ledger.TransferBatchAsync(chunk.Zip(made, (i, p) => TransferRequest.Move($"deposit:bench:{i}", TransferKind.Deposit,
                AccountRef.ChainDeposits, AccountRef.Wallet(p.Item1.Id), Micros.FromUsdt(100))).ToList());
            pairs.AddRange(made.Select(p => (p.Item1.Id, p.Item2.Id)));
        }

        // Sessions are requested and accepted wave by wave, just before their parties join (a request left ringing
        // past Sellers:RingSeconds expires; an accepted one waits out Meter:ConnectTimeoutSeconds for its parties).
        var terms = new ChatTerms(new TokenRate(20), 2500);

        Console.WriteLine($"Setup of {sessions} user pairs and deposits: {setup.Elapsed.TotalSeconds:F1} s");

        // Clients: every connection opened first (16 at a time, retried); then waves of sessions are accepted and their
        // parties join and report, so no session waits out its connect timeout behind the others' connects.
        var clients = args.Contains("--clients-process")
            ? await ChildProcessParties.StartAsync(app.BaseAddress, tokens)
            : (IMeterHubParties)new InProcessParties(new MeterHubClients(app.BaseAddress, tokens), [.. tokens.Keys]);
        var rssBefore = Environment.WorkingSet;
        var connect = Stopwatch.StartNew();
        await clients.OpenAsync();
        Console.WriteLine($"{clients.Connections} hub connections open in {connect.Elapsed.TotalSeconds:F1} s ({clients.Where})");

        var clock = app.Services.GetRequiredService<MeterClock>();
        var joined = 0;
        var (requesting, accepting, joining) = (new Stopwatch(), new Stopwatch(), new Stopwatch());
        foreach (var batch in pairs.Chunk(wave))
        {
            requesting.Start();
            var requested = new List<(Guid Id, string Buyer, string Seller)>(batch.Length);
            foreach (var (buyer, seller) in batch)
            {
                requested.Add((await store.RequestAsync(buyer, seller, terms), buyer, seller));
            }

            requesting.Stop();
            accepting.Start();

            // The wave's answers in one append (what LiveSessions.RecordAsync does one session at a time).
            var accepted = DateTimeOffset.UtcNow;
            var appends = (await store.LoadManyAsync(requested.Select(s => s.Id).ToList()))
                .Select(s => (Stored: s.Session.Events.Count, s.Session, Applied: s.Session.Apply(new ChatAccepted(accepted)).IsApplied, s.Row.Id))
                .Select(s => s.Applied ? new ChatAppend(s.Id, s.Session, s.Stored) : throw new InvalidOperationException($"Session {s.Id} could not be accepted."))
                .ToList();
            if ((await store.AppendAsync(appends)).Count > 0)
            {
                throw new InvalidOperationException("Another writer changed a wave's sessions while they were accepted.");
            }

            await liveSessions.AdoptAsync(requested.Select(s => s.Id).ToList());
            accepting.Stop();
            joining.Start();
            joined = await clients.JoinAsync(requested);
            joining.Stop();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Waves of {wave}: requests {requesting.Elapsed.TotalSeconds:F1} s, accepts and adoption {accepting.Elapsed.TotalSeconds:F1} s, joins {joining.Elapsed.TotalSeconds:F1} s"));

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

    /// <summary>The soft limit of open files (Linux /proc/self/limits), or null where that is not known.</summary>
    private static long? OpenFilesLimit() =>
        File.Exists("/proc/self/limits")
            && File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal)) is { } line
            && long.TryParse(line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture, out var soft)
            ? soft
            : null;

    private static AppUser New(UserManager<AppUser> users, string email) => new()
    {
        UserName = email,
        NormalizedUserName = users.NormalizeName(email),
        Email = email,
        NormalizedEmail = users.NormalizeEmail(email),
        EmailConfirmed = true,
        CreatedAt = DateTimeOffset.UtcNow,
        AdultConfirmedAt = DateTimeOffset.UtcNow,
    };

    internal static double P(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
}
