using System.Security.Claims;
using Meterchat.Accounts;
using Meterchat.DevChain;
using Meterchat.Ledger;
using Meterchat.Observability;
using Meterchat.Tron.Encoding;
using Meterchat.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Meterchat.Deposits;

public static class DepositEndpoints
{
    public static IEndpointRouteBuilder MapDepositEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/deposits").RequireAuthorization(AccountPolicies.VerifiedEmail).WithTags("Deposits");
        group.MapGet("/address", GetAddress).WithSummary("The caller's personal USDT-TRC20 deposit address, the minimum and the rate.");
        group.MapPost("/claims", Claim).WithSummary("Claims a deposit by TXID: checked on chain, credited once final.");
        group.MapGet("/", History).WithSummary("The caller's deposits, newest first, with their status.");
        group.MapPost("/dev/test-usdt", SendTestUsdt).WithSummary("DevChain mode only: the faucet sends test USDT to the caller's deposit address.");
        return app;
    }

    private static async Task<Ok<DepositAddressResponse>> GetAddress(ClaimsPrincipal user, DepositAddresses addresses, IOptionsMonitor<DepositOptions> options, CancellationToken ct)
    {
        var address = await addresses.GetOrCreateAsync(user.UserId(), ct);
        return TypedResults.Ok(new DepositAddressResponse(address.Address, address.Index, MoneyJson.Of(new Micros(options.CurrentValue.MinimumMicros)), Micros.PerUsdt / Micros.PerToken));
    }

    private static async Task<IResult> Claim(ClaimRequest request, ClaimsPrincipal user, DepositClaims claims, MeterchatMetrics metrics, CancellationToken ct)
    {
        var outcome = await claims.ClaimAsync(user.UserId(), request.TxId, ct);
        if (outcome.IsFailure)
        {
            metrics.DepositRefused(outcome.Type);
            return TypedResults.Problem(detail: outcome.Detail, statusCode: outcome.StatusCode, type: outcome.Type, title: Title(outcome.Type),
                extensions: new Dictionary<string, object?> { ["txid"] = outcome.TxId, ["claimStatus"] = outcome.Status });
        }

        var body = ClaimResponse.Of(outcome);
        return outcome.StatusCode == 202 ? TypedResults.Json(body, statusCode: 202) : TypedResults.Ok(body);
    }

    private static async Task<Ok<IReadOnlyList<DepositHistoryItem>>> History(ClaimsPrincipal user, DepositHistory history, CancellationToken ct) =>
        TypedResults.Ok(await history.ForUserAsync(user.UserId(), 50, ct));

    private static async Task<Results<Ok<TestUsdtResponse>, ProblemHttpResult>> SendTestUsdt(
        ClaimsPrincipal user, IServiceProvider services, DepositAddresses addresses, CancellationToken ct, long? amountMicros = null)
    {
        if (services.GetService<DevChainNode>() is not { } chain)
        {
            return TypedResults.Problem(detail: "Test USDT exists only on the dev chain (Chain:Mode=DevChain).", statusCode: 404, type: "deposit/no-dev-chain");
        }

        var address = await addresses.GetOrCreateAsync(user.UserId(), ct);
        var amount = Math.Clamp(amountMicros ?? 10 * Micros.PerUsdt, 1, 1_000 * Micros.PerUsdt);
        var txId = chain.Faucet(TronAddress.Parse(address.Address), FaucetToken.Usdt, amount);
        return TypedResults.Ok(new TestUsdtResponse(txId, MoneyJson.Of(new Micros(amount))));
    }

    internal static string Title(string type) => type switch
    {
        ClaimOutcome.MalformedType => "Malformed TXID",
        ClaimOutcome.FailedType => "Failed transaction",
        ClaimOutcome.WrongTokenType => "Not USDT",
        ClaimOutcome.NotUsdtType => "Not a USDT transfer",
        ClaimOutcome.OtherAddressType => "Paid to another address",
        ClaimOutcome.ZeroAmountType => "Zero amount",
        ClaimOutcome.AlreadyCreditedType => "Already credited",
        ClaimOutcome.TooManyPendingType => "Too many unknown TXIDs waiting",
        _ => "Deposit claim",
    };

}

public sealed record ClaimRequest(string? TxId);

public sealed record ClaimResponse(string TxId, string Status, string Type, string Detail, MoneyJson? Amount, long? Confirmations, long? ConfirmationsRequired)
{
    public static ClaimResponse Of(ClaimOutcome o) =>
        new(o.TxId ?? "", o.Status, o.Type, o.Detail, o.AmountMicros is { } a ? MoneyJson.Of(new Micros(a)) : null, o.Confirmations, o.ConfirmationsRequired);
}

public sealed record DepositAddressResponse(string Address, int Index, MoneyJson Minimum, long TokensPerUsdt);

public sealed record TestUsdtResponse(string TxId, MoneyJson Amount);
