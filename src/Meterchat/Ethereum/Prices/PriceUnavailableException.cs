namespace Meterchat.Ethereum.Prices;

/// <summary>No usable ETH price right now (stale, outside the sanity bounds, or the ticker failed). Retry later.</summary>
public sealed class PriceUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
