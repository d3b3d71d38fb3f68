using System.Security.Claims;
using Meterchat.Accounts;
using Meterchat.Audit;
using Meterchat.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meterchat.Reserves;

public static class ReservesEndpoints
{
    public static IEndpointRouteBuilder MapReservesEndpoints(this IEndpointRouteBuilder app)
    {
        var reserves = app.MapGroup("/api/reserves").WithTags("Reserves");
        reserves.MapGet("/", List).AllowAnonymous()
            .WithSummary("Published proof-of-reserves snapshots, newest first: block, liabilities, reserves, ratio, root, signed message.");
        reserves.MapGet("/proof", Proof).RequireAuthorization()
            .WithSummary("The signed-in user's inclusion proof in a snapshot (the latest unless ?snapshot=ID), as a JSON file.");
        app.MapPost("/api/admin/reserves/snapshots", Take).RequireAuthorization(AccountPolicies.Admin).WithTags("Admin")
            .WithSummary("Take and publish a proof-of-reserves snapshot now; 409 while one is being taken.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<SnapshotView>>> List(ReservesSnapshots snapshots, CancellationToken ct) =>
        TypedResults.Ok(await snapshots.ListAsync(ct));

    private static async Task<Results<Ok<LiabilityProofFile>, ProblemHttpResult>> Proof(
        ClaimsPrincipal user, ReservesSnapshots snapshots, CancellationToken ct, long? snapshot = null)
    {
        var userId = user.UserId();
        var (file, problem) = await snapshots.ProveAsync(userId, snapshot, ct);
        return problem switch
        {
            null => TypedResults.Ok(file!),
            ReservesProblems.NoSnapshot => TypedResults.Problem(
                title: "No such snapshot", statusCode: 404, type: problem,
                detail: snapshot is null ? "No proof of reserves has been published yet." : $"There is no snapshot {snapshot}."),
            _ => TypedResults.Problem(
                title: "Not in this snapshot", statusCode: 404, type: problem,
                detail: "You had no balance account when this snapshot was taken, so it holds no line for you. The next snapshot will."),
        };
    }

    private static async Task<Results<Created<SnapshotView>, ProblemHttpResult>> Take(ClaimsPrincipal user, ReservesSnapshots snapshots, CancellationToken ct)
    {
        var outcome = await snapshots.TakeForAdminAsync(AdminActor.From(user), ct);
        return outcome.Value is { } taken
            ? TypedResults.Created($"/api/reserves?snapshot={taken.Id}", taken)
            : outcome.Problem!.ToResult();
    }
}
