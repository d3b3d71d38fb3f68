using System.Security.Claims;
using Meterchat.Accounts;
using Meterchat.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;

namespace Meterchat.Sellers;

public static class SellerEndpoints
{
    public static IEndpointRouteBuilder MapSellerEndpoints(this IEndpointRouteBuilder app)
    {
        var browse = app.MapGroup("/api/sellers").RequireAuthorization(SellerAuth.BearerOrCookie).WithTags("Sellers");
        // The storefront is public: anyone may look before signing up; requesting, tipping and reporting need an account.
        // Nothing in the list depends on who asks, so anonymous pages come from the output cache.
        browse.MapGet("/", Browse).AllowAnonymous().CacheOutput(BrowseCache.PolicyName).WithSummary("Sellers with rate, rating, tags, languages and presence; filters, sort, pages. Public.");
        browse.MapGet("/{id}", GetSeller).AllowAnonymous().WithSummary("One seller's card. Public.");
        browse.MapGet("/{id}/photo", GetPhoto).AllowAnonymous().WithSummary("A seller's photo. Public.");

        var me = app.MapGroup("/api/seller").RequireAuthorization(SellerAuth.BearerOrCookie).WithTags("Sellers");
        me.MapGet("/profile", GetProfile).WithSummary("The caller's seller profile.");
        me.MapPut("/profile", SaveProfile).WithSummary("Become a seller or edit the profile (rate within the configured bounds).");
        me.MapPost("/photo", UploadPhoto).DisableAntiforgery().WithSummary("Upload a JPEG, PNG or WebP photo (at most 2 MB).");
        // Selling needs a verified email, like buying and withdrawing: a throwaway address cannot earn.
        me.MapPost("/presence", SetPresence).RequireAuthorization(AccountPolicies.VerifiedEmail).WithSummary("Choose online or offline (online needs the seller page connected).");
        me.MapPost("/requests/{id:guid}/accept", Accept).RequireAuthorization(AccountPolicies.VerifiedEmail).WithSummary("Accept a ringing request.");
        me.MapPost("/requests/{id:guid}/decline", Decline).WithSummary("Decline a ringing request.");
        me.MapGet("/blocks", ListBlocks).WithSummary("The buyers the caller blocked, latest first.");
        me.MapPost("/blocks", Block).WithSummary("Block a buyer: no requests or matches; an active chat ends.");
        me.MapDelete("/blocks/{buyerId}", Unblock).WithSummary("Unblock a buyer.");

        app.MapPost("/api/chat-requests", RequestChat).RequireAuthorization(AccountPolicies.VerifiedEmail).RequireAuthorization(SellerAuth.BearerOrCookie).WithTags("Sellers")
            .WithSummary("Request a chat at the rate the buyer confirmed; the seller's page rings.");
        app.MapPost("/api/chat-requests/{id:guid}/cancel", CancelRequest).RequireAuthorization(SellerAuth.BearerOrCookie).WithTags("Sellers")
            .WithSummary("Withdraw a request (or a quick match) that is still ringing.");
        app.MapPost("/api/quick-match", QuickMatch).RequireAuthorization(AccountPolicies.VerifiedEmail).RequireAuthorization(SellerAuth.BearerOrCookie).WithTags("Sellers")
            .WithSummary("Ring the best available seller within a max rate and tags.");
        app.MapPost("/api/reports", FileReport).RequireAuthorization(AccountPolicies.VerifiedEmail).RequireAuthorization(SellerAuth.BearerOrCookie)
            .RequireRateLimiting(ReportRateLimitPolicy.Name).WithTags("Sellers").WithSummary("Report someone to moderation.");
        app.MapGet("/api/admin/reports", ListReports).RequireAuthorization(AccountPolicies.Admin).RequireAuthorization(SellerAuth.BearerOrCookie).WithTags("Admin").WithSummary("The report queue.");
        app.MapHub<PresenceHub>("/hubs/presence");
        return app;
    }

    private static async Task<Ok<BrowsePage>> Browse(
        SellerBrowser browser, CancellationToken ct, int? maxRate = null, string? tag = null, string? language = null,
        bool onlineOnly = false, string? sort = null, int page = 1, int pageSize = 24, Tier? tier = null) =>
        TypedResults.Ok(await browser.BrowseAsync(new BrowseQuery(maxRate, tag, language, onlineOnly, sort, page, pageSize, tier), ct));

    private static async Task<Results<Ok<SellerCard>, ProblemHttpResult>> GetSeller(string id, SellerProfiles profiles, SellerBrowser browser, CancellationToken ct) =>
        await profiles.FindAsync(id, ct) is { } p && await browser.IsListedAsync(id, ct)
            ? TypedResults.Ok(SellerBrowser.Card(p, p.Tags, profiles.Options))
            : SellerProblems.NotFound("There is no seller with that id.").ToResult();

    private static async Task<IResult> GetPhoto(string id, PhotoStore photos, SellerBrowser browser, CancellationToken ct) =>
        await photos.FindAsync(id, ct) is { } photo && File.Exists(photo.Path) && await browser.IsListedAsync(id, ct)
            ? TypedResults.PhysicalFile(photo.Path, photo.ContentType)
            : SellerProblems.NotFound("This seller has no photo.").ToResult();

    private static async Task<Results<Ok<SellerCard>, ProblemHttpResult>> GetProfile(ClaimsPrincipal user, SellerProfiles profiles, CancellationToken ct) =>
        await profiles.FindAsync(user.UserId(), ct) is { } p ? TypedResults.Ok(SellerBrowser.Card(p, p.Tags, profiles.Options)) : SellerProblems.NotFound("You have no seller profile yet.").ToResult();

    private static async Task<Results<Ok<SellerCard>, ProblemHttpResult>> SaveProfile(ProfileInput input, ClaimsPrincipal user, SellerProfiles profiles, CancellationToken ct)
    {
        var saved = await profiles.SaveAsync(user.UserId(), input, ct);
        return saved.Problem is { } problem ? problem.ToResult() : TypedResults.Ok(SellerBrowser.Card(saved.Value!, saved.Value!.Tags, profiles.Options));
    }

    private static async Task<Results<Ok<PhotoResponse>, ProblemHttpResult>> UploadPhoto(IFormFile photo, ClaimsPrincipal user, PhotoStore photos, CancellationToken ct)
    {
        await using var stream = photo.OpenReadStream();
        var saved = await photos.SaveAsync(user.UserId(), stream, photo.Length, ct);
        return saved.Problem is { } problem ? problem.ToResult() : TypedResults.Ok(new PhotoResponse(saved.Value!));
    }

    private static async Task<Results<Ok<PresenceResponse>, ProblemHttpResult>> SetPresence(
        PresenceInput input, ClaimsPrincipal user, SellerProfiles profiles, SellerPresence presence, CancellationToken ct)
    {
        if (await profiles.FindAsync(user.UserId(), ct) is null)
        {
            return SellerProblems.NotFound("You have no seller profile yet.").ToResult();
        }

        return TypedResults.Ok(new PresenceResponse(SellerPresence.Name(await presence.SetWantsOnlineAsync(user.UserId(), input.Online, ct))));
    }

    private static async Task<Results<Ok<ChatRequestResponse>, ProblemHttpResult>> RequestChat(ChatRequestInput input, ClaimsPrincipal user, ChatRequests requests, CancellationToken ct) =>
        Answer(await requests.RequestAsync(user.UserId(), input.SellerId, input.RateTokensPerMinute, input.SpendingLimitTokens, ct));

    private static async Task<Results<Ok<ChatRequestResponse>, ProblemHttpResult>> QuickMatch(QuickMatchInput input, ClaimsPrincipal user, QuickMatcher matcher, CancellationToken ct) =>
        Answer(await matcher.StartAsync(user.UserId(), input.MaxRate, [.. (input.Tags ?? []).Select(t => t.Trim().ToLowerInvariant())], input.SpendingLimitTokens, ct));

    private static async Task<Results<Ok<Guid>, ProblemHttpResult>> Accept(Guid id, ClaimsPrincipal user, ChatRequests requests, CancellationToken ct) =>
        Answer(await requests.AcceptAsync(user.UserId(), id, ct));

    private static async Task<Results<Ok<Guid>, ProblemHttpResult>> CancelRequest(Guid id, ClaimsPrincipal user, ChatRequests requests, CancellationToken ct) =>
        Answer(await requests.CancelAsync(user.UserId(), id, ct));

    private static async Task<Results<Ok<Guid>, ProblemHttpResult>> Decline(Guid id, ClaimsPrincipal user, ChatRequests requests, CancellationToken ct) =>
        Answer(await requests.DeclineAsync(user.UserId(), id, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> Block(BlockInput input, ClaimsPrincipal user, Blocks blocks, CancellationToken ct) =>
        await blocks.BlockAsync(user.UserId(), input.BuyerId, ct) is { } problem ? problem.ToResult() : TypedResults.NoContent();

    private static async Task<Ok<IReadOnlyList<BlockedBuyer>>> ListBlocks(ClaimsPrincipal user, Blocks blocks, CancellationToken ct) =>
        TypedResults.Ok(await blocks.ListAsync(user.UserId(), ct));

    private static async Task<NoContent> Unblock(string buyerId, ClaimsPrincipal user, Blocks blocks, CancellationToken ct)
    {
        await blocks.UnblockAsync(user.UserId(), buyerId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ReportResponse>, ProblemHttpResult>> FileReport(ReportInput input, ClaimsPrincipal user, Reports reports, CancellationToken ct)
    {
        var filed = await reports.FileAsync(user.UserId(), input.SubjectId, input.Reason, ct);
        return filed.Problem is { } problem ? problem.ToResult() : TypedResults.Ok(new ReportResponse(filed.Value));
    }

    private static async Task<Ok<IReadOnlyList<ReportItem>>> ListReports(Reports reports, CancellationToken ct) =>
        TypedResults.Ok(await reports.ListAsync(ct: ct));

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Outcome<T> outcome) =>
        outcome.Problem is { } problem ? problem.ToResult() : TypedResults.Ok(outcome.Value!);

}
