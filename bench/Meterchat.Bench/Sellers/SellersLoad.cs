using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Meterchat.Accounts;
using Meterchat.Data;
using Meterchat.Sellers;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.Bench.Sellers;

/// <summary>
/// `dotnet run -c Release --project bench/Meterchat.Bench -- sellers [sellers] [online] [clients]`:
/// browse API latency with many sellers, and how long one presence change takes to reach every browsing client.
/// </summary>
internal static class SellersLoad
{
    private static readonly string[] Tags = ["chess", "music", "tarot", "fitness", "cooking", "art", "travel", "games", "books", "language"];
    private static readonly string[] Languages = ["en", "de", "fr", "es", "it", "pt", "ru", "ja"];

    public static async Task RunAsync(string[] args)
    {
        var sellers = args.Length > 0 ? int.Parse(args[0]) : 10_000;
        var online = args.Length > 1 ? int.Parse(args[1]) : 1_000;
        var clients = args.Length > 2 ? int.Parse(args[2]) : 1_000;
        await using var app = new BenchApp();
        app.Start();
        var seedWatch = Stopwatch.StartNew();
        await SeedAsync(app, sellers, online);
        Console.WriteLine($"Seeded {sellers} sellers ({online} online) in {seedWatch.Elapsed.TotalSeconds:0.0} s");

        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = app.BaseAddress };
        await SignInAsync(app, http);
        await BrowseAsync(http);
        await FanOutAsync(app, cookies, sellers, clients);
    }

    private static async Task SeedAsync(BenchApp app, int count, int online)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        var random = new Random(42);
        for (var i = 0; i < count; i++)
        {
            var id = $"bench-seller-{i:D6}";
            var profile = new SellerProfile
            {
                UserId = id, DisplayName = $"Seller {i}", Bio = "Bench seller", RateTokensPerMinute = random.Next(1, 201),
                RatingCentis = random.Next(300, 500), Presence = i < online ? Presence.Online : Presence.Offline,
                CreatedAt = start.AddMinutes(i), IdleSince = start.AddMinutes(random.Next(0, 10_000)),
            };
            profile.Tags.Add(new SellerTag { SellerId = id, Kind = TagKind.Tag, Value = Tags[i % Tags.Length] });
            if ((i / 10) % Tags.Length != i % Tags.Length)
            {
                profile.Tags.Add(new SellerTag { SellerId = id, Kind = TagKind.Tag, Value = Tags[(i / 10) % Tags.Length] });
            }
            profile.Tags.Add(new SellerTag { SellerId = id, Kind = TagKind.Language, Value = Languages[i % Languages.Length] });
            db.Add(profile);
            if (i % 2_000 == 1_999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
    }

    private static async Task SignInAsync(BenchApp app, HttpClient http)
    {
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = "bench@example.test", Email = "bench@example.test", EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow, AdultConfirmedAt = DateTimeOffset.UtcNow };
            var created = await users.CreateAsync(user, "correct horse battery");
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }
        }

        var response = await http.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = "bench@example.test", password = "correct horse battery" });
        response.EnsureSuccessStatusCode();
    }

    private static async Task BrowseAsync(HttpClient http)
    {
        string[] queries =
        [
            "/api/sellers",
            "/api/sellers?onlineOnly=true",
            "/api/sellers?onlineOnly=true&sort=rate&maxRate=50",
            "/api/sellers?tag=chess&language=de",
            "/api/sellers?sort=newest&page=40",
        ];
        foreach (var q in queries)
        {
            (await http.GetAsync(q)).EnsureSuccessStatusCode(); // warm-up
        }

        Console.WriteLine("Browse (24 per page), 400 sequential requests each:");
        var all = new List<double>();
        foreach (var q in queries)
        {
            var times = new List<double>();
            for (var i = 0; i < 400; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await http.GetAsync(q);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            all.AddRange(times);
            Console.WriteLine($"  {q,-55} p50 {P(times, 50):0.00} ms  p99 {P(times, 99):0.00} ms");
        }

        Console.WriteLine($"  all                                                     p50 {P(all, 50):0.00} ms  p99 {P(all, 99):0.00} ms");
    }

    private static async Task FanOutAsync(BenchApp app, CookieContainer cookies, int sellers, int count)
    {
        var SellerId = $"bench-seller-{sellers - 1:D6}"; // the last seeded seller, offline unless all are online
        var connections = new List<HubConnection>();
        var received = 0;
        var last = new TaskCompletionSource();
        var watch = new Stopwatch();
        var firstAt = 0.0;
        for (var i = 0; i < count; i++)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(app.BaseAddress, "/hubs/presence"), o => o.Cookies = cookies)
                .Build();
            connection.On<PresenceUpdate>(nameof(IPresenceClient.PresenceChanged), u =>
            {
                if (u.SellerId != SellerId)
                {
                    return;
                }

                var n = Interlocked.Increment(ref received);
                if (n == 1)
                {
                    firstAt = watch.Elapsed.TotalMilliseconds;
                }

                if (n == count)
                {
                    last.TrySetResult();
                }
            });
            connections.Add(connection);
        }

        await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (c, ct) => await c.StartAsync(ct));
        Console.WriteLine($"Presence fan-out to {count} WebSocket clients:");
        app.Services.GetRequiredService<PresenceLinks>().Attach(SellerId, "bench-seller-page");
        var presence = app.Services.GetRequiredService<SellerPresence>();
        var toLast = new List<double>();
        var toFirst = new List<double>();
        for (var round = 0; round < 21; round++)
        {
            received = 0;
            last = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            watch.Restart();
            await presence.SetWantsOnlineAsync(SellerId, round % 2 == 0);
            await last.Task.WaitAsync(TimeSpan.FromSeconds(60));
            if (round > 0)
            {
                toLast.Add(watch.Elapsed.TotalMilliseconds);
                toFirst.Add(firstAt);
            }
        }

        Console.WriteLine($"  change -> first client p50 {P(toFirst, 50):0.0} ms; change -> all {count} clients p50 {P(toLast, 50):0.0} ms, max {toLast.Max():0.0} ms (20 changes)");
        foreach (var c in connections)
        {
            await c.DisposeAsync();
        }
    }

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
