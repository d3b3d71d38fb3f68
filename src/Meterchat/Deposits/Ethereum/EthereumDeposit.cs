namespace Meterchat.Deposits.Ethereum;

/// <summary>
/// One credit on Ethereum into a user's deposit address: an ERC-20 <c>Transfer</c> log of an accepted token
/// (<see cref="LogIndex"/> ≥ 0) or the plain ETH value of a transaction (<see cref="LogIndex"/> = -1). Unique by
/// (<see cref="TxHash"/>, <see cref="LogIndex"/>); credited once, when final, under ledger key
/// <see cref="LedgerKey"/>. ETH is valued at the price current when the deposit became final, stored here.
/// </summary>
public sealed class EthereumDeposit
{
    /// <summary>The <see cref="LogIndex"/> of a plain ETH value transfer (it has no log).</summary>
    public const int EtherLogIndex = -1;

    public long Id { get; set; }

    /// <summary>0x + 64 lower-case hex digits.</summary>
    public string TxHash { get; set; } = "";

    public int LogIndex { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>The deposit address, 0x + 40 lower-case hex digits (shown EIP-55 checksummed).</summary>
    public string Address { get; set; } = "";

    /// <summary>"ETH" or the accepted token's symbol ("USDT", "USDC").</summary>
    public string Asset { get; set; } = "";

    /// <summary>The token contract (lower-case), null for ETH.</summary>
    public string? Contract { get; set; }

    /// <summary>The amount in the asset's base unit (wei, or 6-decimal token units) as decimal digits: wei exceed a long.</summary>
    public string Units { get; set; } = "0";

    public long BlockNumber { get; set; }

    /// <summary>Enough confirmations (or the node's finalized tag) on top of its block.</summary>
    public bool Final { get; set; }

    public DateTimeOffset ObservedAt { get; set; }

    /// <summary>µUSDT credited (stablecoins 1:1; ETH at <see cref="MicrosPerEther"/>); null until credited.</summary>
    public long? Amount { get; set; }

    /// <summary>The ETH price the credit used (µUSDT per ETH), its time and source; null for stablecoins.</summary>
    public long? MicrosPerEther { get; set; }

    public DateTimeOffset? PricedAt { get; set; }

    public string? PriceSource { get; set; }

    public DateTimeOffset? CreditedAt { get; set; }

    public long? TransferId { get; set; }

    private const string KeyPrefix = "deposit:eth:";

    /// <summary>The idempotency key of the ledger transfer crediting it: <c>deposit:eth:{txhash}:{logIndex}</c>.</summary>
    public static string LedgerKey(string txHash, int logIndex) => $"{KeyPrefix}{txHash}:{logIndex}";
}
