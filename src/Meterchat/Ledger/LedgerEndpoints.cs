using System.Security.Claims;
using Meterchat.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meterchat.Ledger;

public static class LedgerEndpoints
{
    public static IEndpointRouteBuilder MapLedger(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").RequireAuthorization().WithTags("Ledger");
        me.MapGet("/balances", GetBalances).WithSummary("The signed-in user's wallet, earnings and held balances.");
        me.MapGet("/history", GetHistory).WithSummary("The signed-in user's ledger movements, newest first.");
        app.MapHub<BalanceHub>(BalanceHub.Path);
        app.MapGet("/api/admin/audit", GetAudit).RequireAuthorization(p => p.RequireRole("admin")).WithTags("Admin")
            .WithSummary("The ledger audit: invariants and proof of reserves.");
        return app;
    }

    private static async Task<Ok<BalancesResponse>> GetBalances(ClaimsPrincipal user, ILedger ledger, CancellationToken ct)
    {
        var balances = await ledger.GetBalancesAsync(user.UserId(), ct);
        return TypedResults.Ok(new BalancesResponse(MoneyJson.Of(balances.Wallet), MoneyJson.Of(balances.Earnings), MoneyJson.Of(balances.Held)));
    }

    private static async Task<Results<Ok<IReadOnlyList<HistoryItem>>, ProblemHttpResult>> GetHistory(
        ClaimsPrincipal user, ILedger ledger, CancellationToken ct, int limit = 50, long? before = null)
    {
        if (limit is < 1 or > 500)
        {
            return TypedResults.Problem(title: "Invalid page size", detail: "limit must be between 1 and 500.", statusCode: 400, type: "ledger/invalid-page");
        }

        var entries = await ledger.GetHistoryAsync(user.UserId(), limit, before, ct);
        return TypedResults.Ok<IReadOnlyList<HistoryItem>>(
            [.. entries.Select(e => new HistoryItem(e.TransferId, e.At, e.Kind.ToString(), e.Reference, e.Account.ToString(), MoneyJson.Of(e.Amount)))]);
    }

    private static async Task<Ok<AuditReport>> GetAudit(LedgerAuditor auditor, CancellationToken ct) =>
        TypedResults.Ok(await auditor.RunAsync(ct));

}

/// <summary>An amount as the API shows it: exact µUSDT plus display strings.</summary>
public sealed record MoneyJson(long Micros, string Tokens, string Usdt)
{
    public static MoneyJson Of(Micros amount) => new(amount.Value, amount.ToTokensString(), amount.ToUsdtString());
}

public sealed record BalancesResponse(MoneyJson Wallet, MoneyJson Earnings, MoneyJson Held);

public sealed record HistoryItem(long TransferId, DateTimeOffset At, string Kind, string? Reference, string Account, MoneyJson Amount);
