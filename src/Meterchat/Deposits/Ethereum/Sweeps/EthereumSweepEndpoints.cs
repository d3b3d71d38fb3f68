using System.Security.Claims;
using Meterchat.Accounts;
using Meterchat.Audit;
using Meterchat.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meterchat.Deposits.Ethereum.Sweeps;

public static class EthereumSweepEndpoints
{
    public static IEndpointRouteBuilder MapEthereumSweepEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/ethereum/sweeps").RequireAuthorization(AccountPolicies.Admin).WithTags("Admin");
        admin.MapGet("", List).WithSummary("Ethereum sweeps, newest first, with their gas in ETH and its cost in USDT.");
        admin.MapPost("", Sweep).WithSummary("Sweep a deposit address's USDT/USDC into the hot wallet (gas top-up first when it lacks ETH).");
        admin.MapPost("/advance", Advance).WithSummary("Move unfinished sweeps on (rebroadcast stored bytes, sign the transfer once the top-up is mined).");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<EthereumSweepView>>> List(EthereumSweeps sweeps, CancellationToken ct) =>
        TypedResults.Ok(await sweeps.ListAsync(100, ct));

    private static async Task<Results<Ok<EthereumSweepView>, ProblemHttpResult>> Sweep(EthereumSweepRequest body, ClaimsPrincipal user, EthereumSweeps sweeps, CancellationToken ct)
    {
        var outcome = await sweeps.SweepForAdminAsync(body.Address, AdminActor.From(user), ct);
        return outcome.Problem is { } problem ? problem.ToResult() : TypedResults.Ok(outcome.Value!);
    }

    private static async Task<Ok<EthereumSweepAdvance>> Advance(EthereumSweeps sweeps, CancellationToken ct) =>
        TypedResults.Ok(new EthereumSweepAdvance(await sweeps.AdvanceAllAsync(ct)));
}
