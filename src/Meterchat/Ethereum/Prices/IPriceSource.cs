namespace Meterchat.Ethereum.Prices;

/// <summary>
/// Where the ETH price comes from: a fixed price in Development and tests, a public ticker in Production. A source
/// that cannot give a fresh, sane price throws <see cref="PriceUnavailableException"/>; callers then refuse to convert
/// and retry later (never credit or quote at a stale or wild price).
/// </summary>
public interface IPriceSource
{
    Task<EtherPrice> EtherPriceAsync(CancellationToken cancellationToken);
}
