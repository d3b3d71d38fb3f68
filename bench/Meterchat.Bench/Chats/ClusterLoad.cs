using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
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
using Npgsql;

namespace Meterchat.Bench.Chats;

/// <summary>
/// Two app nodes as child processes (the built Meterchat.dll on two loopback ports) sharing one PostgreSQL and one
/// Redis. N accepted sessions; each buyer's hub connection is on node 1, each seller's on node 2; all report media
/// every 2–3 s, so the sessions go live and bill. Measured: hub connections held; the signaling relay latency
/// node 1 → node 2 (a buyer's Signal reaching the seller through the Redis backplane); and the meter's lag from
/// the unit pushes (live time at the charging tick − the unit's due time) and their push latency.
/// Usage: cluster --connection "Host=...;Database=...;..." --redis 127.0.0.1:6379 [--sessions 200 --seconds 30]
/// </summary>
internal static class ClusterLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sessions = int.Parse(MeterLoad.Arg(args, "--sessions") ?? "200", CultureInfo.InvariantCulture);
        var seconds = int.Parse(MeterLoad.Arg(args, "--seconds") ?? "30", CultureInfo.InvariantCulture);
        var connection = MeterLoad.Arg(args, "--connection") ?? throw new ArgumentException("--connection (PostgreSQL) is required");
        var redis = MeterLoad.Arg(args, "--redis") ?? throw new ArgumentException("--redis is required");
        var meter = new Meter(new MeterOptions());

        // Setup through an in-process app with its clock off and no Redis (it drives nothing): users, tokens, sessions.
        var setup = Stopwatch.StartNew();
        var tokens = new Dictionary<string, string>();
        var ids = new List<(Guid Id, string Buyer, string Seller)>(sessions);
        await using var app = new BenchApp(new Dictionary<string, string> { ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = connection, ["Chat:RunClock"] = "false" });
        app.Start();
        var store = app.Services.GetRequiredService<IChatSessions>();
        var liveSessions = app.Services.GetRequiredService<LiveSessions>();
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
            var protector = app.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme).BearerTokenProtector;
            var ledger = app.Services.GetRequiredService<ILedger>();
            for (var i = 0; i < sessions; i++)
            {
                var pair = new string[2];
                for (var k = 0; k < 2; k++)
                {
                    var email = $"{(k == 0 ? "b" : "s")}{i}-{Guid.NewGuid():N}@bench.test";
                    var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow, AdultConfirmedAt = DateTimeOffset.UtcNow };
                    var created = await users.CreateAsync(user);
                    if (!created.Succeeded)
                    {
                        throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
                    }

                    // Minted with the key ring in the database: every node reads these tokens.
                    var ticket = new AuthenticationTicket(await signIn.CreateUserPrincipalAsync(user),
                        new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) }, IdentityConstants.BearerScheme);
                    tokens[user.Id] = protector.Protect(ticket);
                    pair[k] = user.Id;
                }

                await ledger.TransferAsync(TransferRequest.Move($"deposit:bench:{Guid.NewGuid():N}", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(pair[0]), Micros.FromUsdt(100)));
                ids.Add((Guid.Empty, pair[0], pair[1]));
            }
        }

        Console.WriteLine($"Setup of {sessions} user pairs and deposits: {setup.Elapsed.TotalSeconds:F1} s");
        var prefix = $"mc-bench-{Guid.NewGuid():N}";
        using var one = await NodeAsync("node-1", connection, redis, prefix);
        using var two = await NodeAsync("node-2", connection, redis, prefix);
        try
        {
            var measuring = false;
            var relay = new ConcurrentQueue<double>();
            var unitLags = new ConcurrentQueue<double>();
            var pushLags = new ConcurrentQueue<double>();
            var lastUnits = new ConcurrentDictionary<Guid, long>();
            var lastState = new ConcurrentDictionary<Guid, string>();
            using var stop = new CancellationTokenSource();
            var all = new ConcurrentBag<HubConnection>();
            var loops = new ConcurrentBag<Task>();
            var connect = Stopwatch.StartNew();
            var terms = new ChatTerms(new TokenRate(20), 2500);
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (s, ct) =>
            {
                // Requested and accepted just before the parties join: no ring or connect timeout runs out meanwhile.
                var id = await store.RequestAsync(s.Buyer, s.Seller, terms, ct);
                await liveSessions.RecordAsync(id, new ChatAccepted(DateTimeOffset.UtcNow), ct);
                foreach (var c in new[] { (Id: id, User: s.Buyer, Node: one.Address, Buyer: true), (Id: id, User: s.Seller, Node: two.Address, Buyer: false) })
                {
                    var hub = new HubConnectionBuilder()
                        .WithUrl(new Uri(c.Node, ChatHub.Path), o =>
                        {
                            o.Transports = HttpTransportType.WebSockets;
                            o.SkipNegotiation = true;
                            o.AccessTokenProvider = () => Task.FromResult<string?>(tokens[c.User]);
                        })
                        .Build();
                    var buyer = c.Buyer;
                    hub.On<string, string>("Signal", (_, payload) =>
                    {
                        if (Volatile.Read(ref measuring))
                        {
                            relay.Enqueue(Stopwatch.GetElapsedTime(long.Parse(payload, CultureInfo.InvariantCulture)).TotalMilliseconds);
                        }
                    });
                    hub.On<ChatStatus>("Status", st =>
                    {
                        lastState[st.SessionId] = st.State;
                        if (buyer && Volatile.Read(ref measuring))
                        {
                            pushLags.Enqueue((DateTimeOffset.UtcNow - st.ServerNow).TotalMilliseconds);
                            if (st.Units > lastUnits.GetValueOrDefault(st.SessionId))
                            {
                                unitLags.Enqueue((TimeSpan.FromSeconds(st.LiveSeconds) - meter.DueAt(st.Units)).TotalMilliseconds);
                            }
                        }

                        if (buyer)
                        {
                            lastUnits[st.SessionId] = st.Units;
                        }
                    });
                    await hub.StartAsync(ct);
                    await hub.InvokeAsync<JoinResult>("Join", c.Id, ct);
                    await hub.InvokeAsync("Report", true, true, ct);
                    all.Add(hub);
                    loops.Add(ReportLoopAsync(hub, buyer, stop.Token));
                }
            });
            Console.WriteLine($"{all.Count} hub connections joined in {connect.Elapsed.TotalSeconds:F1} s (buyers on node 1, sellers on node 2)");

            await Task.Delay(TimeSpan.FromSeconds(10));
            Volatile.Write(ref measuring, true);
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            Volatile.Write(ref measuring, false);
            var live = lastState.Values.Count(s => s == "Live");
            var held = all.Count(h => h.State == HubConnectionState.Connected);
            var owners = await LeaseOwnersAsync(connection);

            await stop.CancelAsync();
            await Task.WhenAll(loops);
            await Task.WhenAll(all.Select(h => h.DisposeAsync().AsTask()));

            var r = relay.Order().ToArray();
            var u = unitLags.Order().ToArray();
            var p = pushLags.Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Cluster: {sessions} sessions ({live} Live at the end; leases {owners}), {held} hub connections held; "
                + $"relay node 1 -> node 2: {r.Length / (double)seconds:F0} signals/s, p50 {P(r, 0.5):F1} ms, p99 {P(r, 0.99):F1} ms, max {P(r, 1):F1} ms; "
                + $"units {u.Length / (double)seconds:F0}/s (needed {sessions / 6.0:F0}), unit lag p50 {P(u, 0.5):F0} ms, p99 {P(u, 0.99):F0} ms, max {P(u, 1):F0} ms; "
                + $"push latency p50 {P(p, 0.5):F1} ms, p99 {P(p, 0.99):F1} ms"));
            return 0;
        }
        finally
        {
            one.Process.Kill(true);
            two.Process.Kill(true);
        }
    }

    // Every 2–3 s: the media report; buyers also send one signal to the seller carrying the send timestamp.
    private static async Task ReportLoopAsync(HubConnection hub, bool buyer, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(2000 + Random.Shared.Next(1000), stop);
                await hub.InvokeAsync("Report", true, true, stop);
                if (buyer)
                {
                    await hub.InvokeAsync("Signal", "ice", Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture), stop);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task<string> LeaseOwnersAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "NodeId", COUNT(*) FROM "SessionLeases" GROUP BY "NodeId" ORDER BY 1""", db);
        await using var reader = await command.ExecuteReaderAsync();
        var parts = new List<string>();
        while (await reader.ReadAsync())
        {
            parts.Add($"{reader.GetString(0)} {reader.GetInt64(1)}");
        }

        return string.Join(", ", parts);
    }

    private sealed record Node(Process Process, Uri Address) : IDisposable
    {
        public void Dispose() => Process.Dispose();
    }

    private static async Task<Node> NodeAsync(string id, string connection, string redis, string prefix)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Meterchat.slnx")))
        {
            dir = dir.Parent;
        }

        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, WorkingDirectory = Path.Combine(dir!.FullName, "src", "Meterchat") };
        info.ArgumentList.Add(Path.Combine(dir.FullName, "src", "Meterchat", "bin", "Release", "net10.0", "Meterchat.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["Database__Provider"] = "Postgres";
        info.Environment["Database__ConnectionString"] = connection;
        info.Environment["Redis__Connection"] = redis;
        info.Environment["Redis__ChannelPrefix"] = prefix;
        info.Environment["Cluster__NodeId"] = id;
        info.Environment["Chat__TickMilliseconds"] = "100";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        var address = new Uri($"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = address };
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return new Node(process, address);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        process.Kill(true);
        throw new InvalidOperationException($"Node {id} did not start.");
    }

    private static double P(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
}
