using Meterchat.Ethereum.Prices;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>An ETH price a test turns on and off: null is a ticker that has no fresh, sane price.</summary>
public sealed class SwitchablePriceSource : IPriceSource
{
    public EtherPrice? Price { get; set; }

    public Task<EtherPrice> EtherPriceAsync(CancellationToken cancellationToken) =>
        Price is { } price ? Task.FromResult(price) : throw new PriceUnavailableException("The test ticker has no price.");
}
