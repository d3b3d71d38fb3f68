using Meterchat.Chats;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Sellers;

/// <summary>
/// The timed side of sellers: expires unanswered rings, takes sellers offline after the grace, frees sellers whose
/// chat ended. <see cref="StepAsync"/> does one pass (tests call it after moving the fake clock).
/// </summary>
public sealed class SellerSweep(
    IServiceScopeFactory scopes, PresenceLinks links, SellerPresence presence, ChatRequests requests,
    IOptionsMonitor<SellersOptions> options, TimeProvider time, ILogger<SellerSweep> log) : BackgroundService
{
    public async Task StepAsync(CancellationToken ct = default)
    {
        foreach (var sellerId in links.TakeLapsed(options.CurrentValue.OfflineGrace))
        {
            await presence.RefreshAsync(sellerId, ct);
        }

        List<string> busy;
        List<Guid> unanswered;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var inChat = SessionQueries.InChat(db);
            busy = await db.Set<SellerProfile>().Where(p => p.Presence == Presence.Busy)
                .Where(p => !inChat.Any(s => s.SellerId == p.UserId))
                .Select(p => p.UserId).ToListAsync(ct);
            var cutoff = time.GetUtcNow() - options.CurrentValue.Ring;
            // Few sessions ring at once; the time filter runs here because SQLite cannot compare DateTimeOffset in SQL.
            var ringing = await SessionQueries.Ringing(db)
                .Select(s => new { s.Id, s.CreatedAt }).ToListAsync(ct);
            unanswered = [.. ringing.Where(s => s.CreatedAt <= cutoff).Select(s => s.Id)];
        }

        foreach (var sellerId in busy)
        {
            await presence.RefreshAsync(sellerId, ct);
        }

        foreach (var sessionId in unanswered)
        {
            await requests.ExpireAsync(sessionId, ct);
        }
    }

    /// <summary>After a restart no seller page is connected to this node yet: nobody is online until they reconnect.</summary>
    internal async Task ResetAfterStartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Set<SellerProfile>().Where(p => p.Presence == Presence.Online)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Presence, Presence.Offline), ct);
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the app serves anything, so a seller who comes online right after start is never reset.
        await ResetAfterStartAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.CurrentValue.SweepMilliseconds), TimeProvider.System);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await StepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Seller sweep failed; retrying on the next tick");
            }
        }
    }
}
