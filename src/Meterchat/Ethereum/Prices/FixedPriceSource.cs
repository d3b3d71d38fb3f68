namespace Meterchat.Ethereum.Prices;

/// <summary>The configured fixed price (<c>Ethereum:Price:FixedMicrosPerEther</c>), quoted as of now.</summary>
public sealed class FixedPriceSource(PriceOptions options, TimeProvider time) : IPriceSource
{
    public Task<EtherPrice> EtherPriceAsync(CancellationToken cancellationToken) =>
        options.FixedMicrosPerEther is { } micros
            ? Task.FromResult(new EtherPrice(micros, time.GetUtcNow(), "fixed"))
            : throw new PriceUnavailableException("No ETH price is configured (Ethereum:Price:FixedMicrosPerEther or TickerUrl).");
}
