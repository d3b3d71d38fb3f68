namespace Meterchat.Ethereum;

/// <summary>An accepted ERC-20 token: its symbol as users see it (USDT, USDC), its contract and its decimals.</summary>
public sealed class EthereumToken
{
    public string Symbol { get; set; } = "";

    public string Contract { get; set; } = "";

    /// <summary>6 for USDT and USDC: one base unit is one micro-USDT, so they credit 1:1.</summary>
    public int Decimals { get; set; } = 6;
}
