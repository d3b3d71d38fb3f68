using System.Globalization;
using Meterchat.Chats;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.Sellers;
using Meterchat.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Trust.Ratings;

/// <summary>
/// The buyer rates a session that went live and ended (once); the seller replies once. Each new rating recomputes
/// the seller's Bayesian average (<see cref="SellerProfile.RatingCentis"/>, <see cref="SellerProfile.RatingCount"/>,
/// which browse and quick match rank by) from all their ratings, in the rating's transaction. A seller the new rating
/// moves to a lower tier has their rate lowered to that tier's cap for chats requested from then on (SellerTier).
/// </summary>
public sealed class Ratings(AppDbContext db, IChatSessions sessions, TimeProvider time, IOptions<TrustOptions> options, SellerProfiles profiles)
{
    public async Task<Outcome<ReviewView>> RateAsync(string userId, Guid sessionId, RateInput input, CancellationToken ct)
    {
        var o = options.Value;
        var row = await sessions.FindAsync(sessionId, ct);
        if (row is null || (row.BuyerId != userId && row.SellerId != userId))
        {
            return TrustProblems.ChatNotFound;
        }

        if (row.BuyerId != userId)
        {
            return new Problem(403, "rating/buyer-only", "Only the buyer rates", "Only the buyer of a chat can rate it.");
        }

        if (row.State != ChatState.Ended || row.UnitsCharged < 1)
        {
            return new Problem(409, "rating/not-rateable", "Cannot rate this chat", "A chat can be rated once it has ended, if it went live (at least one unit billed).");
        }

        if (input.Stars is not (>= 1 and <= 5) || input.Stars is not { } stars)
        {
            return new Problem(400, "rating/bad-stars", "Invalid rating", "Rate with 1 to 5 stars.");
        }

        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        if (comment?.Length > o.MaxRatingComment)
        {
            return new Problem(400, "rating/comment-too-long", "Comment too long", $"A comment is at most {o.MaxRatingComment} characters.");
        }

        if (await db.Set<Rating>().AnyAsync(r => r.SessionId == sessionId, ct))
        {
            return AlreadyRated();
        }

        var rating = new Rating { SessionId = sessionId, BuyerId = row.BuyerId, SellerId = row.SellerId, Stars = stars, Comment = comment, CreatedAt = time.GetUtcNow() };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(rating);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return AlreadyRated();
        }

        await RecomputeAsync(row.SellerId, ct);
        await tx.CommitAsync(ct);
        return ReviewView.Of(rating);
    }

    public async Task<Outcome<ReviewView>> ReplyAsync(string userId, Guid sessionId, ReplyInput input, CancellationToken ct)
    {
        var rating = await db.Set<Rating>().SingleOrDefaultAsync(r => r.SessionId == sessionId && (r.SellerId == userId || r.BuyerId == userId), ct);
        if (rating is null)
        {
            return new Problem(404, "rating/not-found", "No rating", "This chat has no rating among yours to reply to.");
        }

        if (rating.SellerId != userId)
        {
            return new Problem(403, "rating/seller-only", "Only the seller replies", "Only the rated seller can reply.");
        }

        var text = input.Text?.Trim() ?? "";
        if (text.Length == 0 || text.Length > options.Value.MaxRatingReply)
        {
            return new Problem(400, "rating/bad-reply", "Invalid reply", $"A reply is 1 to {options.Value.MaxRatingReply} characters.");
        }

        var now = time.GetUtcNow();
        var updated = await db.Set<Rating>().Where(r => r.SessionId == sessionId && r.Reply == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Reply, text).SetProperty(r => r.RepliedAt, now), ct);
        if (updated == 0)
        {
            return new Problem(409, "rating/already-replied", "Already replied", "You replied to this rating already; there is one reply per rating.");
        }

        rating.Reply = text;
        rating.RepliedAt = now;
        return ReviewView.Of(rating);
    }

    /// <summary>The rating of a session if the user is its buyer or seller.</summary>
    public async Task<ReviewView?> ForSessionAsync(string userId, Guid sessionId, CancellationToken ct) =>
        await db.Set<Rating>().AsNoTracking().SingleOrDefaultAsync(r => r.SessionId == sessionId && (r.BuyerId == userId || r.SellerId == userId), ct) is { } r
            ? ReviewView.Of(r) : null;

    /// <summary>The seller's rating and latest reviews with replies, or null when there is no such seller.</summary>
    public async Task<SellerReviews?> ReviewsAsync(string sellerId, CancellationToken ct)
    {
        if (await profiles.RatingAsync(sellerId, ct) is not var (centis, count))
        {
            return null;
        }

        var latest = await db.Set<Rating>().AsNoTracking().Where(r => r.SellerId == sellerId)
            .OrderByDescending(r => r.CreatedAt).Take(options.Value.ReviewsShown).ToListAsync(ct);
        return new SellerReviews(sellerId, Stars(centis), centis, count, latest.Select(ReviewView.Of).ToList());
    }

    public static string Stars(int centis) => (centis / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private async Task RecomputeAsync(string sellerId, CancellationToken ct)
    {
        var o = options.Value;
        var stats = await db.Set<Rating>().Where(r => r.SellerId == sellerId)
            .GroupBy(r => r.SellerId).Select(g => new { Count = g.Count(), Sum = g.Sum(r => r.Stars) }).SingleAsync(ct);
        var centis = BayesianRating.Centis(o.RatingPriorWeight, o.RatingPriorCentis, stats.Count, stats.Sum);
        await profiles.ApplyRatingAsync(sellerId, centis, stats.Count, ct);
    }

    private static Problem AlreadyRated() =>
        new(409, "rating/already-rated", "Already rated", "You rated this chat already; there is one rating per chat.");
}
