using System.Security.Claims;
using Meterchat.Accounts;
using Meterchat.Ethereum;
using Meterchat.Ethereum.Development;
using Meterchat.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Nethereum.JsonRpc.Client;

namespace Meterchat.Deposits.Ethereum;

/// <summary>
/// Development only (mapped where the app runs its own Ethereum node): the node's state for Top up, and a faucet
/// that sends test ETH, USDT or USDC to the signed-in user's Ethereum deposit address, like TRON's test USDT button.
/// </summary>
internal static class DevEthereumEndpoints
{
    public static IEndpointRouteBuilder MapDevEthereum(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<DevEthereumStatus>() is null)
        {
            return app;
        }

        var group = app.MapGroup("/api/dev/ethereum").RequireAuthorization(AccountPolicies.VerifiedEmail).WithTags("Dev");
        group.MapGet("/", (DevEthereumStatus status) => TypedResults.Ok(DevEthereumStatusResponse.Of(status)))
            .WithSummary("Development: the local Ethereum node's state (off, starting, ready, failed) and what to do.");
        group.MapPost("/faucet", Faucet).WithSummary("Development: sends test ETH, USDT or USDC to the caller's Ethereum deposit address.");
        return app;
    }

    private static async Task<Results<Ok<DevFaucetResponse>, ProblemHttpResult>> Faucet(
        DevFaucetRequest request, ClaimsPrincipal user, DevEthereumStatus status, IServiceProvider services, DepositAddresses addresses,
        IOptions<EthereumOptions> options, ILogger<DevFaucetRequest> logger, CancellationToken ct)
    {
        var asset = request.Asset?.Trim().ToUpperInvariant();
        if (asset is null || !DevEthereumFaucet.Assets.Contains(asset))
        {
            return TypedResults.Problem(title: "Unknown asset", statusCode: 400, type: DevEthereumProblems.UnknownAsset,
                detail: $"The test faucet sends one of {string.Join(", ", DevEthereumFaucet.Assets)}.");
        }

        if (status.State != DevEthereumState.Ready || services.GetService<DevEthereumFaucet>() is not { } faucet)
        {
            return TypedResults.Problem(title: "The local Ethereum node is not ready", statusCode: 503, type: DevEthereumProblems.NotReady, detail: status.Detail);
        }

        var index = (await addresses.GetOrCreateAsync(user.UserId(), ct)).Index;
        var to = EthereumDepositKeys.FromAccountXpub(options.Value.AccountXpub!).AddressAt((uint)index);
        try
        {
            var hash = await faucet.SendAsync(asset, to, ct);
            return TypedResults.Ok(new DevFaucetResponse(hash, asset, asset == "ETH" ? "0.01" : "10", to.Checksummed));
        }
        catch (Exception ex) when (ex is RpcResponseException or RpcClientUnknownException or RpcClientTimeoutException or HttpRequestException)
        {
            logger.LogWarning(ex, "The dev faucet could not send {Asset}", asset);
            return TypedResults.Problem(title: "The local node refused", statusCode: 502, type: DevEthereumProblems.NodeError,
                detail: $"The local Ethereum node did not take the transfer: {ex.Message}");
        }
    }
}

public sealed record DevFaucetRequest(string? Asset);

/// <summary>The hash of the transfer (mined at once on ganache), what and how much was sent, and to which address.</summary>
public sealed record DevFaucetResponse(string TxHash, string Asset, string Amount, string To);

public sealed record DevEthereumStatusResponse(string State, string Detail)
{
    public static DevEthereumStatusResponse Of(DevEthereumStatus status) => new(status.State.ToString().ToLowerInvariant(), status.Detail);
}
