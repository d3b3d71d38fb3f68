using Meterchat.Chats;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.Ledger;
using Meterchat.Web;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Sellers;

/// <summary>
/// Quick match (docs/matching.md): rings the best available online seller within the buyer's max rate, then the
/// next one when a seller declines or lets it ring out, up to <see cref="SellersOptions.QuickMatchAttempts"/>.
/// </summary>
public sealed class QuickMatcher(
    IServiceScopeFactory scopes, ChatRequests requests, QuickMatchBook book, ILedger ledger,
    IHubContext<PresenceHub, IPresenceClient> hub, IOptionsMonitor<SellersOptions> options)
{
    /// <summary>Sellers within this many hundredths of a star count as equally rated; the longest idle goes first.</summary>
    public const int RatingBand = 25;

    public async Task<Outcome<ChatRequestResponse>> StartAsync(string buyerId, int maxRate, IReadOnlyList<string> tags, int? limitTokens, CancellationToken ct = default)
    {
        var wallet = (await ledger.GetBalancesAsync(buyerId, ct)).Wallet;
        var affordable = (int)Math.Min(maxRate, wallet.Value / Micros.PerToken);
        if (affordable < options.CurrentValue.MinRate)
        {
            return ChatRequestProblems.InsufficientBalance(Micros.FromTokens(Math.Min(maxRate, options.CurrentValue.MinRate)), wallet);
        }

        var match = new QuickMatch(buyerId, affordable, tags, limitTokens, new HashSet<string>(), options.CurrentValue.QuickMatchAttempts);
        return await TryAsync(match, ct);
    }

    /// <summary>
    /// Called when a matched seller declined or the ring expired (<paramref name="ended"/> says which): the buyer hears
    /// that first, then whom it rings next or that no one else is free; never only "no seller fits".
    /// </summary>
    internal async Task ContinueAsync(QuickMatch match, RequestUpdate ended, CancellationToken ct)
    {
        var why = ended.Outcome == "declined" ? "The seller declined." : "The seller did not answer in time.";
        var next = match.AttemptsLeft > 0 ? await TryAsync(match, ct) : ChatRequestProblems.NoMatch();
        var update = next.Value is { } r
            ? new RequestUpdate(r.SessionId, r.State == "accepted" ? "accepted" : "ringing", $"{why} Ringing {r.DisplayName} at {r.RateTokensPerMinute} tokens/min.", r.SellerId)
            : new RequestUpdate(Guid.Empty, ended.Outcome, next.Problem!.Type == ChatRequestProblems.NoMatch().Type
                ? $"{why} No other online seller fits your maximum rate and tags right now; try again in a moment or widen the search."
                : $"{why} {next.Problem.Detail}", ended.SellerId);
        await hub.Clients.User(match.BuyerId).RequestUpdated(update);
    }

    private async Task<Outcome<ChatRequestResponse>> TryAsync(QuickMatch match, CancellationToken ct)
    {
        var tried = new HashSet<string>(match.Tried);
        for (var left = match.AttemptsLeft; left > 0; left--)
        {
            var seller = await PickAsync(match.BuyerId, match.MaxRate, match.Tags, tried, ct);
            if (seller is null)
            {
                return ChatRequestProblems.NoMatch();
            }

            tried.Add(seller.UserId);
            var rung = await requests.RingAsync(match.BuyerId, seller, match.LimitTokens, ct);
            if (rung.Problem is { Type: "chat/seller-unavailable" })
            {
                continue; // Lost a race with another buyer: try the next seller.
            }

            if (rung.Value is { State: "ringing" } r)
            {
                book.Add(r.SessionId, match with { Tried = tried, AttemptsLeft = left - 1 });
            }

            return rung;
        }

        return ChatRequestProblems.NoMatch();
    }

    /// <summary>Most matching tags first, then rating (in bands of <see cref="RatingBand"/>), then the longest idle.</summary>
    internal async Task<SellerProfile?> PickAsync(string buyerId, int maxRate, IReadOnlyList<string> tags, IReadOnlySet<string> tried, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var wanted = tags.ToList();
        var excluded = tried.ToList();
        var ringing = SessionQueries.Ringing(db);
        return await db.Set<SellerProfile>().AsNoTracking()
            .Where(p => p.Presence == Presence.Online && p.RateTokensPerMinute <= maxRate && p.UserId != buyerId && !excluded.Contains(p.UserId))
            .Where(p => !db.Set<SellerBlock>().Any(b => b.SellerId == p.UserId && b.BuyerId == buyerId))
            .Where(p => !ringing.Any(s => s.SellerId == p.UserId))
            .OrderByDescending(p => p.Tags.Count(t => t.Kind == TagKind.Tag && wanted.Contains(t.Value)))
            .ThenByDescending(p => p.RatingCentis / RatingBand)
            .ThenBy(p => p.IdleSince)
            .FirstOrDefaultAsync(ct);
    }
}
