namespace Meterchat.Ethereum.Prices;

/// <summary>
/// <c>Ethereum:Price:*</c>. With <see cref="TickerUrl"/> empty the price is <see cref="FixedMicrosPerEther"/>
/// (Development: 3,000 USDT per ETH). A ticker's price older than <see cref="MaxAge"/> or outside
/// [<see cref="MinMicrosPerEther"/>, <see cref="MaxMicrosPerEther"/>] is refused.
/// </summary>
public sealed class PriceOptions
{
    public const string Section = "Ethereum:Price";

    /// <summary>µUSDT per ETH when no ticker is configured; null: no price (ETH deposits wait).</summary>
    public long? FixedMicrosPerEther { get; set; }

    /// <summary>A public ticker URL returning the ETH/USD(T) price (see docs/ethereum.md for the formats read).</summary>
    public string? TickerUrl { get; set; }

    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(2);

    public long MinMicrosPerEther { get; set; } = 100_000_000;

    public long MaxMicrosPerEther { get; set; } = 100_000_000_000;
}
