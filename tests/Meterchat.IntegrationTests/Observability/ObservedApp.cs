using System.Net;
using System.Text.Json;
using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Store;
using Meterchat.Hosting.Health;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Observability;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Observability;

/// <summary>What the observability tests drive: a live chat moved by hand on the fake clock, a scrape, the figures.</summary>
internal static class ObservedApp
{
    public const string Token = "scrape-token-for-tests-0123456789";

    public static readonly ChatTerms Terms = new(new Meterchat.Ledger.TokenRate(20), 2500);

    /// <summary>Accepted, both parties joined and receiving: the meter runs (as ChatAppFactory does).</summary>
    public static async Task<Guid> LiveSessionAsync(AppFactory app, string buyer, string seller)
    {
        var sessions = app.Services.GetRequiredService<IChatSessions>();
        var live = app.Services.GetRequiredService<LiveSessions>();
        var id = await sessions.RequestAsync(buyer, seller, Terms);
        Assert.True((await live.RecordAsync(id, new ChatAccepted(app.Time.GetUtcNow()))).Result.IsApplied);
        foreach (var party in new[] { Party.Buyer, Party.Seller })
        {
            await live.ApplyAsync(id, new PartyConnected(app.Time.GetUtcNow(), party));
        }

        await ReportAsync(app.Services.GetRequiredService<LiveSessions>(), app, id);
        return id;
    }

    /// <summary>Moves the fake clock in ticks with heartbeats every 2 s.</summary>
    public static async Task RunAsync(AppFactory app, Guid id, TimeSpan span)
    {
        var clock = app.Services.GetRequiredService<MeterClock>();
        var step = TimeSpan.FromMilliseconds(500);
        var sinceBeat = TimeSpan.Zero;
        for (var t = TimeSpan.Zero; t < span; t += step)
        {
            app.Time.Advance(step);
            sinceBeat += step;
            if (sinceBeat >= TimeSpan.FromSeconds(2))
            {
                await ReportAsync(app.Services.GetRequiredService<LiveSessions>(), app, id);
                sinceBeat = TimeSpan.Zero;
            }

            await clock.TickAsync();
        }
    }

    public static async Task<PrometheusText> ScrapeAsync(AppFactory app)
    {
        await app.Services.GetRequiredService<SystemFiguresRefresher>().RefreshAsync(chain: true);
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new("Bearer", Token);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return PrometheusText.Parse(text);
    }

    /// <summary>/health/ready as Prometheus reads it: the status code, the overall status and each check's.</summary>
    public static async Task<((HttpStatusCode, string), Dictionary<string, string>)> ReadyAsync(WebApplicationFactory<Program> app)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        request.Headers.Authorization = new("Bearer", Token);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);
        return ((response.StatusCode, json.RootElement.GetProperty("status").GetString()!), checks);
    }

    private static async Task ReportAsync(LiveSessions live, AppFactory app, Guid id)
    {
        foreach (var party in new[] { Party.Buyer, Party.Seller })
        {
            await live.ApplyAsync(id, new MediaReported(app.Time.GetUtcNow(), party, true, true));
        }
    }
}
