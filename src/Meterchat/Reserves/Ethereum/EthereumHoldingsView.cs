using System.Numerics;
using Meterchat.Ethereum.Prices;
using Meterchat.Ledger;

namespace Meterchat.Reserves.Ethereum;

/// <summary>
/// The hot wallet's and the unswept deposit addresses' balances on Ethereum, and the price ETH is valued at (null:
/// none now). <see cref="Unavailable"/> says why nothing could be read (the node could not be reached); the balances
/// are then null, never zero.
/// </summary>
public sealed record EthereumHoldingsView(bool Enabled, string? HotWallet, EthereumBalances? Hot, EthereumBalances? Unswept, EtherPrice? Price, string? Unavailable = null)
{
    public static readonly EthereumHoldingsView Off = new(false, null, null, null, null);

    /// <summary>Ethereum is on but its node could not be read now.</summary>
    public static EthereumHoldingsView Unreachable(string? hotWallet, string reason) => new(true, hotWallet, null, null, null, reason);

    /// <summary>On, and its balances were read.</summary>
    public bool Read => Enabled && Unavailable is null;

    /// <summary>USDT and USDC on both, counted 1:1 into the reserves.</summary>
    public Micros StablecoinMicros => (Hot?.StablecoinMicros ?? Micros.Zero) + (Unswept?.StablecoinMicros ?? Micros.Zero);

    /// <summary>ETH on both, not counted into the USDT reserves.</summary>
    public BigInteger EtherWei => (Hot?.EtherWei ?? BigInteger.Zero) + (Unswept?.EtherWei ?? BigInteger.Zero);

    /// <summary>That ETH at the current price, shown beside the reserves; null without a price.</summary>
    public Micros? EtherMicros => Price?.MicrosFor(EtherWei);
}
