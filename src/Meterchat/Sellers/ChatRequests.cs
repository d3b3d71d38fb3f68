using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.Ledger;
using Meterchat.Web;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Sellers;

/// <summary>
/// A buyer's request to a seller: checks, then the session in state Requested (the ring), then the seller's
/// answer or the ring timeout. The session log in <see cref="IChatSessions"/> is the truth; a ringing request
/// is a session in state Requested, so rings survive a restart and the sweep expires them. Answers are recorded
/// through <see cref="LiveSessions"/>, the only writer of session events.
/// </summary>
public sealed class ChatRequests(
    IServiceScopeFactory scopes, IChatSessions sessions, LiveSessions live, ILedger ledger, SellerPresence presence, QuickMatchBook matches,
    IServiceProvider services, IHubContext<PresenceHub, IPresenceClient> hub,
    IOptionsMonitor<SellersOptions> options, IOptionsMonitor<MeterOptions> meter, TimeProvider time, ILogger<ChatRequests> log)
{
    public async Task<Outcome<ChatRequestResponse>> RequestAsync(string buyerId, string sellerId, int seenRate, int? limitTokens, CancellationToken ct = default)
    {
        var profile = await FindAsync(sellerId, ct);
        if (profile is null)
        {
            return SellerProblems.NotFound("There is no seller with that id.");
        }

        if (profile.RateTokensPerMinute != seenRate)
        {
            return ChatRequestProblems.RateChanged(seenRate, profile.RateTokensPerMinute);
        }

        return await RingAsync(buyerId, profile, limitTokens, ct);
    }

    /// <summary>Rings <paramref name="profile"/> for the buyer at the profile's current rate (the rate the buyer confirmed).</summary>
    internal async Task<Outcome<ChatRequestResponse>> RingAsync(string buyerId, SellerProfile profile, int? limitTokens, CancellationToken ct)
    {
        var rate = new TokenRate(profile.RateTokensPerMinute);
        if (buyerId == profile.UserId)
        {
            return ChatRequestProblems.Self();
        }

        if (limitTokens is { } l && l < rate.TokensPerMinute)
        {
            return ChatRequestProblems.InvalidLimit(rate.TokensPerMinute);
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (await db.Set<SellerBlock>().AnyAsync(b => b.SellerId == profile.UserId && b.BuyerId == buyerId, ct))
            {
                return ChatRequestProblems.Blocked();
            }

            if (profile.Presence != Presence.Online)
            {
                return ChatRequestProblems.Unavailable(profile.DisplayName, profile.Presence);
            }

            if (await SessionQueries.Ringing(db).AnyAsync(s => s.BuyerId == buyerId, ct))
            {
                return ChatRequestProblems.Pending();
            }

            if (await SessionQueries.Ringing(db).AnyAsync(s => s.SellerId == profile.UserId, ct))
            {
                return ChatRequestProblems.Ringing(profile.DisplayName);
            }
        }

        var wallet = (await ledger.GetBalancesAsync(buyerId, ct)).Wallet;
        if (wallet < rate.PerMinute)
        {
            return ChatRequestProblems.InsufficientBalance(rate.PerMinute, wallet);
        }

        var terms = new ChatTerms(rate, meter.CurrentValue.CommissionBasisPoints, limitTokens is { } t ? Micros.FromTokens(t) : null);
        var sessionId = await sessions.RequestAsync(buyerId, profile.UserId, terms, ct);
        log.LogInformation("Chat {Session} requested by {Buyer} of {Seller} at {Rate}", sessionId, buyerId, profile.UserId, rate);
        if (profile.AutoAccept)
        {
            await AcceptAsync(profile.UserId, sessionId, ct);
            return new ChatRequestResponse(sessionId, profile.UserId, profile.DisplayName, rate.TokensPerMinute, "accepted", null);
        }

        var until = time.GetUtcNow() + options.CurrentValue.Ring;
        await hub.Clients.User(profile.UserId).Ring(new RingCard(sessionId, buyerId, BuyerName(buyerId), rate.TokensPerMinute, until));
        return new ChatRequestResponse(sessionId, profile.UserId, profile.DisplayName, rate.TokensPerMinute, "ringing", until);
    }

    public async Task<Outcome<Guid>> AcceptAsync(string sellerId, Guid sessionId, CancellationToken ct = default)
    {
        var row = await sessions.FindAsync(sessionId, ct);
        if (row is null || row.SellerId != sellerId)
        {
            return ChatRequestProblems.NotRinging();
        }

        var (result, _) = await live.RecordAsync(sessionId, new ChatAccepted(time.GetUtcNow()), ct);
        if (!result.IsApplied)
        {
            return ChatRequestProblems.NotRinging();
        }

        // The clock now drives the session: it fails it if nobody connects within the connect timeout.
        await live.AdoptAsync([sessionId], ct);
        matches.Forget(sessionId);
        await presence.RefreshAsync(sellerId, ct);
        await hub.Clients.User(sellerId).RingEnded(new RequestUpdate(sessionId, "accepted", "Accepted.", sellerId));
        await hub.Clients.Users(row.BuyerId, sellerId).ChatStarted(sessionId);
        return sessionId;
    }

    public async Task<Outcome<Guid>> DeclineAsync(string sellerId, Guid sessionId, CancellationToken ct = default)
    {
        var row = await sessions.FindAsync(sessionId, ct);
        if (row is null || row.SellerId != sellerId)
        {
            return ChatRequestProblems.NotRinging();
        }

        return await EndRingAsync(row, new ChatDeclined(time.GetUtcNow()), "declined", "The seller declined.", ct)
            ? sessionId : ChatRequestProblems.NotRinging();
    }

    /// <summary>
    /// The buyer withdraws a request that is still ringing: the seller's ring stops, and a quick match stops
    /// here instead of moving on to the next seller. Nothing was charged, so nothing is refunded.
    /// </summary>
    public async Task<Outcome<Guid>> CancelAsync(string buyerId, Guid sessionId, CancellationToken ct = default)
    {
        var row = await sessions.FindAsync(sessionId, ct);
        if (row is null || row.BuyerId != buyerId)
        {
            return ChatRequestProblems.NotRinging();
        }

        var (result, _) = await live.RecordAsync(sessionId, new RequestCancelled(time.GetUtcNow()), ct);
        if (!result.IsApplied)
        {
            return ChatRequestProblems.NotRinging();
        }

        matches.Forget(sessionId);
        var update = new RequestUpdate(sessionId, "cancelled", "You cancelled the request.", row.SellerId);
        await hub.Clients.User(row.SellerId).RingEnded(update with { Detail = "The buyer cancelled the request." });
        await hub.Clients.User(buyerId).RequestUpdated(update);
        return sessionId;
    }

    public async Task ExpireAsync(Guid sessionId, CancellationToken ct = default)
    {
        if (await sessions.FindAsync(sessionId, ct) is { } row)
        {
            await EndRingAsync(row, new RequestExpired(time.GetUtcNow()), "expired", "The seller did not answer in time.", ct);
        }
    }

    private async Task<bool> EndRingAsync(ChatSessionRow row, ChatEvent e, string outcome, string detail, CancellationToken ct)
    {
        var (result, _) = await live.RecordAsync(row.Id, e, ct);
        if (!result.IsApplied)
        {
            return false;
        }

        var update = new RequestUpdate(row.Id, outcome, detail, row.SellerId);
        await hub.Clients.User(row.SellerId).RingEnded(update);
        if (matches.Forget(row.Id) is { } match)
        {
            // Quick match moves on to the next seller; the buyer hears about it from there.
            await services.GetRequiredService<QuickMatcher>().ContinueAsync(match, update, ct);
            return true;
        }

        await hub.Clients.User(row.BuyerId).RequestUpdated(update);
        return true;
    }

    private async Task<SellerProfile?> FindAsync(string sellerId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<SellerProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == sellerId, ct);
    }

    // No personal data on the seller's screen before they accept: a short pseudonym of the buyer's id.
    internal static string BuyerName(string buyerId) => $"Buyer {buyerId[..Math.Min(6, buyerId.Length)]}";
}
