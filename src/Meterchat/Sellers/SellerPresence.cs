using Meterchat.Chats;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Sellers;

/// <summary>
/// Computes a seller's presence from three facts — chose online, seller page connected (or within the grace),
/// a chat of theirs in progress — stores it when it changes, and pushes the change to everyone on the hub.
/// The chat feature calls <see cref="RefreshAsync"/> when a session starts or ends so the badge flips at once;
/// the sweep also re-checks busy sellers, so a missed call only delays the change by one sweep.
/// </summary>
public sealed class SellerPresence(
    IServiceScopeFactory scopes, PresenceLinks links, IHubContext<PresenceHub, IPresenceClient> hub,
    IOptionsMonitor<SellersOptions> options, TimeProvider time, ILogger<SellerPresence> log)
{

    public async Task<Presence> RefreshAsync(string sellerId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var profile = await db.Set<SellerProfile>().SingleOrDefaultAsync(p => p.UserId == sellerId, ct);
        if (profile is null)
        {
            return Presence.Offline;
        }

        var busy = await SessionQueries.InChat(db).AnyAsync(s => s.SellerId == sellerId, ct);
        var next = busy ? Presence.Busy
            : profile.WantsOnline && links.IsConnected(sellerId, options.CurrentValue.OfflineGrace) ? Presence.Online
            : Presence.Offline;
        if (next == profile.Presence)
        {
            return next;
        }

        if (next == Presence.Online)
        {
            profile.IdleSince = time.GetUtcNow();
        }

        profile.Presence = next;
        await db.SaveChangesAsync(ct);
        log.LogInformation("Seller {Seller} is now {Presence}", sellerId, next);
        await hub.Clients.All.PresenceChanged(new PresenceUpdate(sellerId, Name(next)));
        return next;
    }

    /// <summary>Sellers available now and sellers busy in a chat, for the admin dashboard.</summary>
    public async Task<(int Online, int Busy)> CountAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var counts = await db.Set<SellerProfile>().Where(p => p.Presence != Presence.Offline)
            .GroupBy(p => p.Presence).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return (counts.Where(c => c.Key == Presence.Online).Sum(c => c.Count), counts.Where(c => c.Key == Presence.Busy).Sum(c => c.Count));
    }

    public async Task<Presence> SetWantsOnlineAsync(string sellerId, bool online, CancellationToken ct = default)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<SellerProfile>().Where(p => p.UserId == sellerId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.WantsOnline, online), ct);
        }

        return await RefreshAsync(sellerId, ct);
    }

    public static string Name(Presence presence) => presence.ToString().ToLowerInvariant();
}
