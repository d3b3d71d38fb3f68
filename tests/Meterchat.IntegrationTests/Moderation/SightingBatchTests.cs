using System.Net;
using Meterchat.Data;
using Meterchat.IntegrationTests.Chats;
using Meterchat.IntegrationTests.Sellers;
using Meterchat.Trust.Fraud;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Moderation;

/// <summary>Sightings are written by group commit: a burst of them lands as one write each, merged, with every rule run.</summary>
public sealed class SightingBatchTests : IAsyncLifetime
{
    private const string SharedIp = "203.0.113.50";
    private readonly ChatAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Accounts_seen_at_once_from_one_address_are_each_stored_once_and_all_flagged()
    {
        var admin = await _app.NewAdminAsync();
        var people = new List<Person>();
        for (var i = 0; i < 6; i++)
        {
            people.Add(await _app.NewPersonAsync("shared" + i)); // one more than ManyAccountsPerIp allows (5)
        }

        var sightings = _app.Services.GetRequiredService<Sightings>();
        var seen = people.SelectMany(p => Enumerable.Repeat(p, 3)) // each joins three times at once: one row each
            .Select(p => Task.Run(() => sightings.RecordAsync(p.Id, Context(SharedIp, Device(p.Id)))));
        await Task.WhenAll(seen);

        var rows = await RowsAsync(SharedIp);
        Assert.Equal(people.Select(p => p.Id).Order(), rows.Select(r => r.UserId).Order());
        foreach (var person in people)
        {
            var flag = Assert.Single((await admin.UserAsync(person.Id)).Flags);
            Assert.Equal("ManyAccountsPerIp", flag.Rule);
        }
    }

    [Fact]
    public async Task A_batch_moves_the_last_seen_time_of_a_known_sighting_and_adds_the_new_ones()
    {
        var (first, second) = (await _app.NewPersonAsync("first"), await _app.NewPersonAsync("second"));
        var sightings = _app.Services.GetRequiredService<Sightings>();
        await sightings.RecordAsync(first.Id, Context("198.51.100.1", Device(first.Id)));
        var firstSeen = _app.Time.GetUtcNow();
        _app.Time.Advance(TimeSpan.FromMinutes(5));

        using (var scope = _app.Services.CreateScope())
        {
            var at = _app.Time.GetUtcNow();
            await scope.ServiceProvider.GetRequiredService<SightingWriter>().WriteAsync(
            [
                new PendingSighting(first.Id, "198.51.100.1", Device(first.Id), at.AddSeconds(-1)),
                new PendingSighting(first.Id, "198.51.100.1", Device(first.Id), at),
                new PendingSighting(second.Id, "198.51.100.1", Device(second.Id), at),
                new PendingSighting(second.Id, "198.51.100.1", Device(second.Id), at.AddSeconds(-2)),
            ], CancellationToken.None);
        }

        var rows = (await RowsAsync("198.51.100.1")).ToDictionary(r => r.UserId);
        Assert.Equal(2, rows.Count);
        Assert.Equal((firstSeen, _app.Time.GetUtcNow()), (rows[first.Id].FirstSeen, rows[first.Id].LastSeen));
        Assert.Equal((_app.Time.GetUtcNow().AddSeconds(-2), _app.Time.GetUtcNow()), (rows[second.Id].FirstSeen, rows[second.Id].LastSeen));
    }

    private async Task<List<Sighting>> RowsAsync(string ip)
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Sighting>().AsNoTracking().Where(s => s.Ip == ip).ToListAsync();
    }

    private static string Device(string userId) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userId)))[..32];

    private static DefaultHttpContext Context(string ip, string device)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(ip);
        context.Request.Headers.Cookie = $"{DeviceCookie.Name}={device}";
        return context;
    }
}
