using Meterchat.Tron.Node;
using Microsoft.Extensions.Options;

namespace Meterchat.Chain;

/// <summary>
/// On start, asks the node for <c>decimals()</c> of the configured USDT contract: the ledger counts
/// µUSDT, so anything but 6 (or no such contract) stops the app. An unreachable node only warns:
/// it may come back, and every chain read checks again.
/// </summary>
internal sealed class UsdtContractCheck(ITronNode node, IOptions<ChainOptions> options, ILogger<UsdtContractCheck> logger) : IHostedService
{
    public const int RequiredDecimals = 6;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var usdt = options.Value.Usdt;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        ConstantCallResult result;
        try
        {
            result = await node.TriggerConstantContractAsync(Trc20Queries.AnyCaller, usdt, "decimals()", string.Empty, timeout.Token);
        }
        catch (Exception e) when (e is TronNodeException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(e, "Could not check decimals() of USDT contract {Contract}: the node did not answer", usdt);
            return;
        }

        if (!result.Success || result.ConstantResult.Count == 0 || result.ConstantResult[0].Length < 64)
        {
            throw new InvalidOperationException(
                $"Chain:UsdtContract {usdt} does not answer decimals() on this node ({result.Code} {result.Message}): is it the USDT contract of this network?");
        }

        var decimals = System.Numerics.BigInteger.Parse("0" + result.ConstantResult[0][..64], System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);
        if (decimals != RequiredDecimals)
        {
            throw new InvalidOperationException($"Chain:UsdtContract {usdt} has {decimals} decimals; USDT has {RequiredDecimals} and the ledger counts µUSDT.");
        }

        logger.LogInformation("USDT contract {Contract} checked: {Decimals} decimals", usdt, decimals);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
