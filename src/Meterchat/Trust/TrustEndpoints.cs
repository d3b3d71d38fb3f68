using System.Security.Claims;
using Meterchat.Accounts;
using Meterchat.Audit;
using Meterchat.Chats;
using Meterchat.Sellers;
using Meterchat.Trust.Disputes;
using Meterchat.Trust.Ratings;
using Meterchat.Trust.Tips;
using Meterchat.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meterchat.Trust;

/// <summary>Disputes, ratings and tips over HTTP. Party endpoints take the bearer token or the cookie (pages use fetch).</summary>
public static class TrustEndpoints
{
    public static IEndpointRouteBuilder MapTrustEndpoints(this IEndpointRouteBuilder app)
    {
        var chats = app.MapGroup("/api/chats/{id:guid}").RequireAuthorization(SellerAuth.BearerOrCookie).WithTags("Trust");
        chats.MapPost("/disputes", OpenDispute).WithSummary("Open a dispute on an ended chat (either party, within 72 h, one per chat).");
        chats.MapGet("/dispute", SessionDispute).WithSummary("The dispute on this chat, if any (parties only).");
        chats.MapPost("/rating", Rate).WithSummary("Rate a chat that went live and ended, 1–5 stars (buyer, once).");
        chats.MapGet("/rating", SessionRating).WithSummary("The rating of this chat, if any (parties only).");
        chats.MapPost("/rating/reply", Reply).WithSummary("Reply to the rating (seller, once).");
        chats.MapGet("/tips/quote", QuoteTip).WithSummary("What a tip of this many tokens gives the seller and the fee, before confirming.");
        chats.MapPost("/tips", Tip).RequireAuthorization(AccountPolicies.VerifiedEmail).WithSummary("Tip the seller from the wallet (buyer; live, paused or within 72 h after the end).");

        app.MapGet("/api/disputes", MyDisputes).RequireAuthorization(SellerAuth.BearerOrCookie).WithTags("Trust").WithSummary("Disputes on the caller's chats, with status and the admin's note.");
        app.MapGet("/api/sellers/{sellerId}/reviews", Reviews).RequireAuthorization(SellerAuth.BearerOrCookie).AllowAnonymous().WithTags("Trust").WithSummary("A seller's rating and latest reviews with replies. Public, like the seller's page.");

        var admin = app.MapGroup("/api/admin/disputes").RequireAuthorization(AccountPolicies.Admin).WithTags("Admin");
        admin.MapGet("/", AdminList).WithSummary("Disputes, open first.");
        admin.MapGet("/{disputeId:long}", AdminDetail).WithSummary("A dispute with the session's receipt and event log.");
        admin.MapPost("/{disputeId:long}/decide", Decide).WithSummary("FullRefund, PartialRefund (amount) or Reject, with a note both parties see.");
        return app;
    }

    private static async Task<Results<Created<DisputeView>, ProblemHttpResult>> OpenDispute(Guid id, OpenDisputeInput input, ClaimsPrincipal user, Disputes.Disputes disputes, CancellationToken ct)
    {
        var opened = await disputes.OpenAsync(user.UserId(), id, input, ct);
        return opened.Problem is { } p ? p.ToResult() : TypedResults.Created($"/api/disputes/{opened.Value!.Id}", opened.Value);
    }

    private static async Task<Results<Ok<DisputeView>, NoContent>> SessionDispute(Guid id, ClaimsPrincipal user, Disputes.Disputes disputes, CancellationToken ct) =>
        await disputes.ForSessionAsync(user.UserId(), id, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NoContent();

    private static async Task<Ok<List<DisputeView>>> MyDisputes(ClaimsPrincipal user, Disputes.Disputes disputes, CancellationToken ct) =>
        TypedResults.Ok(await disputes.MineAsync(user.UserId(), ct));

    private static async Task<Results<Ok<ReviewView>, ProblemHttpResult>> Rate(Guid id, RateInput input, ClaimsPrincipal user, Ratings.Ratings ratings, CancellationToken ct) =>
        Answer(await ratings.RateAsync(user.UserId(), id, input, ct));

    private static async Task<Results<Ok<ReviewView>, NoContent>> SessionRating(Guid id, ClaimsPrincipal user, Ratings.Ratings ratings, CancellationToken ct) =>
        await ratings.ForSessionAsync(user.UserId(), id, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NoContent();

    private static async Task<Results<Ok<ReviewView>, ProblemHttpResult>> Reply(Guid id, ReplyInput input, ClaimsPrincipal user, Ratings.Ratings ratings, CancellationToken ct) =>
        Answer(await ratings.ReplyAsync(user.UserId(), id, input, ct));

    private static async Task<Results<Ok<SellerReviews>, ProblemHttpResult>> Reviews(string sellerId, Ratings.Ratings ratings, CancellationToken ct) =>
        await ratings.ReviewsAsync(sellerId, ct) is { } r ? TypedResults.Ok(r) : SellerProblems.NotFound("There is no seller with that id.").ToResult();

    private static async Task<Results<Ok<TipQuote>, ProblemHttpResult>> QuoteTip(Guid id, string? tokens, ClaimsPrincipal user, Tips.Tips tips, CancellationToken ct) =>
        Answer(await tips.QuoteAsync(user.UserId(), id, tokens, ct));

    private static async Task<Results<Ok<TipView>, ProblemHttpResult>> Tip(Guid id, TipInput input, ClaimsPrincipal user, Tips.Tips tips, CancellationToken ct) =>
        Answer(await tips.TipAsync(user.UserId(), id, input, ct));

    private static async Task<Ok<List<DisputeView>>> AdminList(Disputes.Disputes disputes, CancellationToken ct) =>
        TypedResults.Ok(await disputes.ListAsync(ct));

    private static async Task<Results<Ok<DisputeDetail>, ProblemHttpResult>> AdminDetail(long disputeId, Disputes.Disputes disputes, CancellationToken ct) =>
        await disputes.DetailAsync(disputeId, ct) is { } d ? TypedResults.Ok(d)
            : new Problem(404, "dispute/not-found", "No such dispute", "There is no dispute with that id.").ToResult();

    private static async Task<Results<Ok<DisputeView>, ProblemHttpResult>> Decide(long disputeId, DecideDisputeInput input, ClaimsPrincipal user, Disputes.Disputes disputes, CancellationToken ct) =>
        Answer(await disputes.DecideAsync(disputeId, AdminActor.From(user), input, ct));

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Outcome<T> outcome) =>
        outcome.Problem is { } problem ? problem.ToResult() : TypedResults.Ok(outcome.Value!);

}
