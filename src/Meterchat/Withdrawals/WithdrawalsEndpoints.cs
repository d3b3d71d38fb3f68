using System.Globalization;
using System.Security.Claims;
using System.Text;
using Meterchat.Accounts;
using Meterchat.Audit;
using Meterchat.Data;
using Meterchat.Ledger;
using Meterchat.Web;
using Meterchat.Withdrawals.Ethereum;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Withdrawals;

public static class WithdrawalsEndpoints
{
    public static IEndpointRouteBuilder MapWithdrawalEndpoints(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/withdrawals").RequireAuthorization(AccountPolicies.VerifiedEmail).WithTags("Withdrawals");
        mine.MapPost("/", Request).RequireRateLimiting(AuthRateLimitPolicy.Name).WithSummary("Withdraw earnings as USDT on TRON (default) or USDT/USDC on Ethereum (network, asset): checks, then earnings → held.");
        mine.MapGet("/", List).WithSummary("The caller's withdrawals, newest first.");
        mine.MapGet("/quote", Quote).WithSummary("Fees and the amount that arrives on a network (Ethereum's fee estimated now), before confirming.");
        mine.MapGet("/addresses", Addresses).WithSummary("The caller's payout address book.");
        mine.MapPost("/addresses", AddAddress).RequireRateLimiting(AuthRateLimitPolicy.Name)
            .WithSummary("Save a payout address (usable after the cooldown); a new one needs password and, with two-factor on, twoFactorCode.");
        mine.MapGet("/export.csv", Export).WithSummary("Earnings movements and withdrawals as CSV, for tax.");

        var admin = app.MapGroup("/api/admin").RequireAuthorization(AccountPolicies.Admin).WithTags("Admin");
        admin.MapGet("/withdrawals", Queue).WithSummary("Withdrawals waiting for review.");
        admin.MapPost("/withdrawals/{id:long}/approve", Approve);
        admin.MapPost("/withdrawals/{id:long}/reject", Reject);
        admin.MapGet("/treasury", TreasuryView).WithSummary("Hot wallet balances, liabilities, payouts waiting, chain costs.");
        admin.MapPost("/treasury/sweep", Sweep).WithSummary("Sweep a deposit address into the hot wallet with its key (never stored).");
        return app;
    }

    private static async Task<Results<Created<WithdrawalView>, ProblemHttpResult>> Request(
        WithdrawalRequest body, ClaimsPrincipal user, WithdrawalRequests requests, IOptionsMonitor<WithdrawalsOptions> o,
        IOptionsMonitor<EthereumPayoutOptions> eth, CancellationToken ct)
    {
        var (w, error) = await requests.RequestAsync(user.UserId(), body, ct);
        return error is not null ? error.ToResult() : TypedResults.Created($"/api/withdrawals/{w!.Id}", WithdrawalView.Of(w, o.CurrentValue, eth.CurrentValue));
    }

    private static async Task<Ok<List<WithdrawalView>>> List(
        ClaimsPrincipal user, AppDbContext db, IOptionsMonitor<WithdrawalsOptions> o, IOptionsMonitor<EthereumPayoutOptions> eth, CancellationToken ct)
    {
        var id = user.UserId();
        var rows = await SellerPayouts.HistoryAsync(db, id, 200, ct);
        return TypedResults.Ok(rows.Select(w => WithdrawalView.Of(w, o.CurrentValue, eth.CurrentValue)).ToList());
    }

    private static async Task<Results<Ok<WithdrawalQuote>, ProblemHttpResult>> Quote(
        string amount, IOptionsMonitor<WithdrawalsOptions> o, WithdrawalRequests requests, EthereumPayoutFees ethereumFees, CancellationToken ct,
        string? unit = null, string? network = null, string? asset = null)
    {
        if (WithdrawalRequests.CheckUnit(unit, out var tokens) is { } badUnit)
        {
            return badUnit.ToResult();
        }

        var (route, badRoute) = PayoutRoute.Parse(network, asset);
        if (badRoute is not null)
        {
            return badRoute.ToResult();
        }

        if (!(tokens ? Micros.TryParseTokens(amount, out var m, out var error) : Micros.TryParseUsdt(amount, out m, out error)) || !m.IsPositive)
        {
            return WithdrawalProblems.Of(WithdrawalProblems.BadAmount, 400, "Invalid amount", error ?? "The amount must be positive.").ToResult();
        }

        var q = o.CurrentValue;
        var networkFee = q.NetworkFeeMicros;
        if (route!.Network == PayoutNetwork.Ethereum)
        {
            (networkFee, var noFee) = await ethereumFees.NetworkFeeAsync(route.Asset, null, ct);
            if (noFee is not null)
            {
                return noFee.ToResult();
            }
        }

        var net = m - q.PlatformFeeMicros - networkFee;
        return TypedResults.Ok(new WithdrawalQuote(MoneyJson.Of(m), MoneyJson.Of(q.PlatformFeeMicros), MoneyJson.Of(networkFee),
            MoneyJson.Of(net.IsNegative ? Micros.Zero : net), MoneyJson.Of(requests.MinimumOf(route.Network)), m > q.AutoThresholdMicros,
            route.Network == PayoutNetwork.Ethereum ? "ethereum" : "tron", route.Asset));
    }

    private static async Task<Ok<List<PayoutAddressView>>> Addresses(ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var id = user.UserId();
        var now = time.GetUtcNow();
        var rows = await SellerPayouts.AddressBookAsync(db, id, ct);
        return TypedResults.Ok(rows.Select(a => new PayoutAddressView(a.Id, a.Address, a.Label, a.UsableAt, a.UsableAt <= now)).ToList());
    }

    private static async Task<Results<Ok<PayoutAddressView>, ProblemHttpResult>> AddAddress(
        AddressBody body, ClaimsPrincipal user, WithdrawalRequests requests, TimeProvider time, CancellationToken ct)
    {
        var (a, error) = await requests.AddAddressAsync(user.UserId(), body.Address, body.Label, body.Password, body.TwoFactorCode, ct);
        return error is not null ? error.ToResult() : TypedResults.Ok(new PayoutAddressView(a!.Id, a.Address, a.Label, a.UsableAt, a.UsableAt <= time.GetUtcNow()));
    }

    private static async Task<FileContentHttpResult> Export(ClaimsPrincipal user, AppDbContext db, ILedger ledger, IOptionsMonitor<WithdrawalsOptions> o, CancellationToken ct)
    {
        var id = user.UserId();
        var csv = new StringBuilder("date,type,account,amount_usdt,reference,status,to_address,fee_usdt,net_usdt,txid\n");
        long? before = null;
        while (true)
        {
            var page = await ledger.GetHistoryAsync(id, 500, before, ct);
            foreach (var e in page.Where(e => e.Account is AccountKind.Earnings))
            {
                csv.Append(CultureInfo.InvariantCulture, $"{e.At:yyyy-MM-ddTHH:mm:ssZ},{e.Kind},earnings,{e.Amount.ToUsdtString()},{e.Reference},,,,,\n");
            }

            if (page.Count < 500)
            {
                break;
            }

            before = page[^1].TransferId;
        }

        var rows = await db.Set<Withdrawal>().AsNoTracking().Where(w => w.UserId == id).OrderBy(w => w.Id).ToListAsync(ct);
        foreach (var w in rows)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{w.CreatedAt:yyyy-MM-ddTHH:mm:ssZ},Withdrawal,,{new Micros(w.Amount).ToUsdtString()},withdrawal:{w.Id},{w.Status},{w.ToAddress},{new Micros(w.PlatformFee + w.NetworkFee).ToUsdtString()},{new Micros(w.Net).ToUsdtString()},{w.TxId}\n");
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", "meterchat-earnings.csv");
    }

    private static async Task<Ok<List<WithdrawalView>>> Queue(WithdrawalReview review, IOptionsMonitor<WithdrawalsOptions> o, CancellationToken ct) =>
        TypedResults.Ok((await review.QueueAsync(ct)).Select(w => WithdrawalView.Of(w, o.CurrentValue)).ToList());

    private static async Task<Results<Ok<WithdrawalView>, ProblemHttpResult>> Approve(long id, ClaimsPrincipal user, WithdrawalReview review, IOptionsMonitor<WithdrawalsOptions> o, CancellationToken ct)
    {
        var (w, error) = await review.ApproveAsync(id, AdminActor.From(user), ct);
        return error is not null ? error.ToResult() : TypedResults.Ok(WithdrawalView.Of(w!, o.CurrentValue));
    }

    private static async Task<Results<Ok<WithdrawalView>, ProblemHttpResult>> Reject(
        long id, RejectBody body, ClaimsPrincipal user, WithdrawalReview review, IOptionsMonitor<WithdrawalsOptions> o, CancellationToken ct)
    {
        var (w, error) = await review.RejectAsync(id, AdminActor.From(user), body.Reason, ct);
        return error is not null ? error.ToResult() : TypedResults.Ok(WithdrawalView.Of(w!, o.CurrentValue));
    }

    private static async Task<Ok<TreasuryJson>> TreasuryView(Treasury treasury, IOptionsMonitor<WithdrawalsOptions> o, CancellationToken ct)
    {
        var v = await treasury.ViewAsync(ct);
        return TypedResults.Ok(new TreasuryJson(v.HotWallet, v.HotUsdt is { } usdt ? MoneyJson.Of(usdt) : null, v.HotTrxSun, v.Audit,
            v.Waiting.Select(w => WithdrawalView.Of(w, o.CurrentValue)).ToList(), v.Recent.Select(w => WithdrawalView.Of(w, o.CurrentValue)).ToList(), v.TronUnavailable));
    }

    private static async Task<Results<Ok<SweepResult>, ProblemHttpResult>> Sweep(SweepRequest body, ClaimsPrincipal user, Treasury treasury, CancellationToken ct)
    {
        var (r, error) = await treasury.SweepAsync(body, AdminActor.From(user), ct);
        return error is not null ? error.ToResult() : TypedResults.Ok(r!);
    }

}

/// <summary>The treasury API: <c>hotUsdt</c> and <c>hotTrxSun</c> are null when the TRON node could not be read, and <c>tronUnavailable</c> says so.</summary>
public sealed record TreasuryJson(string HotWallet, MoneyJson? HotUsdt, long? HotTrxSun, AuditReport Audit, List<WithdrawalView> Waiting, List<WithdrawalView> Recent, string? TronUnavailable);
