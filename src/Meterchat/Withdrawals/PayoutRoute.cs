using Meterchat.Web;

namespace Meterchat.Withdrawals;

/// <summary>
/// Where a payout goes: the network and the stablecoin. USDT on TRON (the default), USDT or USDC on Ethereum; both
/// are 6-decimal tokens, so the net in µUSDT is the amount in the token's base unit.
/// </summary>
public sealed record PayoutRoute(PayoutNetwork Network, string Asset)
{
    public static readonly PayoutRoute TronUsdt = new(PayoutNetwork.Tron, "USDT");

    private static readonly PayoutRoute[] Supported = [TronUsdt, new(PayoutNetwork.Ethereum, "USDT"), new(PayoutNetwork.Ethereum, "USDC")];

    /// <summary>What the seller sees: "USDT on TRON".</summary>
    public string Name => $"{Asset} on {(Network == PayoutNetwork.Tron ? "TRON" : "Ethereum")}";

    /// <summary>
    /// Reads the request's <c>network</c> ("tron", the default, or "ethereum") and <c>asset</c> ("USDT", the default,
    /// or "USDC"); anything else is a problem rather than a guess.
    /// </summary>
    public static (PayoutRoute? Route, Problem? Error) Parse(string? network, string? asset)
    {
        PayoutNetwork? parsed = string.IsNullOrWhiteSpace(network) || network.Trim().Equals("tron", StringComparison.OrdinalIgnoreCase) ? PayoutNetwork.Tron
            : network.Trim().Equals("ethereum", StringComparison.OrdinalIgnoreCase) ? PayoutNetwork.Ethereum
            : null;
        var symbol = string.IsNullOrWhiteSpace(asset) ? "USDT" : asset.Trim().ToUpperInvariant();
        var route = parsed is { } n ? Array.Find(Supported, r => r.Network == n && r.Asset == symbol) : null;
        return route is not null
            ? (route, null)
            : (null, WithdrawalProblems.Of(WithdrawalProblems.UnsupportedAsset, 400, "Unsupported payout asset",
                "Payouts are USDT on TRON (network \"tron\"), or USDT or USDC on Ethereum (network \"ethereum\")."));
    }
}
