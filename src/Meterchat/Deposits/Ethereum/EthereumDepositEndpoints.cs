using System.Security.Claims;
using Meterchat.Accounts;
using Meterchat.Ethereum;
using Meterchat.Ethereum.Prices;
using Meterchat.Web;
using Microsoft.Extensions.Options;

namespace Meterchat.Deposits.Ethereum;

public static class EthereumDepositEndpoints
{
    public static IEndpointRouteBuilder MapEthereumDepositEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/deposits/ethereum").RequireAuthorization(AccountPolicies.VerifiedEmail).WithTags("Deposits");
        group.MapGet("/", Info).WithSummary("Whether Ethereum deposits are on, the caller's Ethereum deposit address, the chain, the accepted assets and the ETH quote.");
        group.MapPost("/claims", Claim).RequireRateLimiting(EthereumClaimRateLimitPolicy.Name)
            .WithSummary("Claims an Ethereum deposit by tx hash: matched on chain, credited once final.");
        return app;
    }

    private static async Task<IResult> Info(ClaimsPrincipal user, EthereumDepositClaims claims, EthereumDepositKeySource keys, DepositAddresses addresses,
        IOptionsMonitor<EthereumOptions> options, IPriceSource prices, CancellationToken ct)
    {
        var o = options.CurrentValue;
        if (!claims.Enabled)
        {
            return TypedResults.Ok(new EthereumDepositInfo(false, null, o.ChainId, o.Confirmations, [], null));
        }

        var index = (await addresses.GetOrCreateAsync(user.UserId(), ct)).Index;
        var tokenMinimum = AssetUnits.Text(o.MinimumTokenUnits, "USDT");
        List<EthereumDepositAsset> assets =
        [
            .. o.Tokens.Select(t => new EthereumDepositAsset(t.Symbol, EthereumAddress.Parse(t.Contract).Checksummed, tokenMinimum)),
            new(Erc20TransferMatch.EtherSymbol, null, AssetUnits.Text(o.MinimumWei, Erc20TransferMatch.EtherSymbol)),
        ];
        EthereumQuote? quote = null;
        try
        {
            var price = await prices.EtherPriceAsync(ct);
            quote = new EthereumQuote(price.MicrosPerEther, price.At, price.Source);
        }
        catch (PriceUnavailableException)
        {
            // No quote right now: the page says ETH is credited once a price is available.
        }

        return TypedResults.Ok(new EthereumDepositInfo(true, keys.Keys!.AddressAt((uint)index).Checksummed, o.ChainId, o.Confirmations, assets, quote));
    }

    private static async Task<IResult> Claim(EthereumClaimRequest request, ClaimsPrincipal user, EthereumDepositClaims claims, CancellationToken ct)
    {
        var outcome = await claims.ClaimAsync(user.UserId(), request.TxHash, ct);
        return outcome.Problem is { } problem
            ? problem.ToResult()
            : TypedResults.Ok(new EthereumClaimResponse(outcome.Status, outcome.Credits));
    }
}

public sealed record EthereumClaimRequest(string? TxHash);

public sealed record EthereumClaimResponse(string Status, IReadOnlyList<EthereumClaimCredit> Credits);

/// <summary>GET /api/deposits/ethereum. <see cref="Address"/> is EIP-55; minimums are decimal text in the asset ("3", "0.001").</summary>
public sealed record EthereumDepositInfo(bool Enabled, string? Address, long ChainId, int Confirmations, IReadOnlyList<EthereumDepositAsset> Assets, EthereumQuote? Quote);

public sealed record EthereumDepositAsset(string Asset, string? Contract, string Minimum);

public sealed record EthereumQuote(long MicrosPerEther, DateTimeOffset At, string Source);
