namespace Meterchat.Reserves;

/// <summary>
/// One published proof of reserves: the tree's root and total (what users are owed) next to the USDT the platform
/// held on chain at the same TRON block, and the hot wallet's signature over a message naming them.
/// </summary>
public sealed class ReservesSnapshot
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public long BlockNumber { get; set; }

    public int Users { get; set; }

    /// <summary>µUSDT: the tree's total.</summary>
    public long Liabilities { get; set; }

    /// <summary>µUSDT: hot wallet + unswept deposit addresses (TRON USDT, and Ethereum USDT/USDC 1:1).</summary>
    public long Reserves { get; set; }

    /// <summary>µUSDT: the Ethereum stablecoins inside <see cref="Reserves"/>; null with Ethereum off.</summary>
    public long? EthereumStablecoins { get; set; }

    /// <summary>ETH held (hot wallet + unswept deposit addresses) in wei as decimal text: not in <see cref="Reserves"/>.</summary>
    public string? EtherWei { get; set; }

    /// <summary>That ETH in µUSDT at <see cref="MicrosPerEther"/>, the price when the snapshot was taken (null: no price).</summary>
    public long? EtherMicros { get; set; }

    public long? MicrosPerEther { get; set; }

    public required string RootHash { get; set; }

    public required string HotWallet { get; set; }

    public required string Message { get; set; }

    public required string Signature { get; set; }

    /// <summary>"schedule" or "admin".</summary>
    public required string Trigger { get; set; }
}
