namespace Meterchat.Deposits;

/// <summary><c>Deposits:*</c>: the deposit key, the minimum top-up, the watcher's pace and the explorer link.</summary>
public sealed class DepositOptions
{
    public const string Section = "Deposits";

    /// <summary>
    /// The account-level extended public key (m/44'/195'/0', an xpub… string). Required in Production; elsewhere,
    /// when absent, a development mnemonic is generated once and kept in the data directory.
    /// </summary>
    public string? AccountXpub { get; set; }

    /// <summary>Smaller deposits wait until the address's uncredited total reaches it (3 USDT).</summary>
    public long MinimumMicros { get; set; } = 3_000_000;

    /// <summary>
    /// Blocks on top of a transaction's block before it is final, as shown to the buyer ("k of N"): TRON's
    /// solidity lag, 19. Finality itself is always the node's solidified head. DevChain mode: its SolidityLag.
    /// </summary>
    public int ConfirmationsRequired { get; set; } = 19;

    /// <summary>How often the watcher looks for new solidified blocks (a TRON block is 3 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The longest back-off after the node or the database failed.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>At most this many blocks per watcher pass, so a long catch-up still commits its progress often.</summary>
    public int MaxBlocksPerPass { get; set; } = 500;

    /// <summary>The first block a new database scans; default the solidified head at the first start.</summary>
    public long? StartBlock { get; set; }

    /// <summary>How long a claim of an unknown TXID is re-checked.</summary>
    public TimeSpan UnknownClaimWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// At most this many claims of unknown TXIDs may wait per user: each costs a node call on every watcher pass, so
    /// pasted junk must not crowd out real claims. A further unknown TXID is refused until one lands or expires.
    /// </summary>
    public int MaxPendingUnknownClaimsPerUser { get; set; } = 10;

    /// <summary>How many waiting claims one watcher pass re-checks; the next pass continues where it stopped, so every claim gets its turn.</summary>
    public int ClaimRechecksPerPass { get; set; } = 100;

    /// <summary>Link to a transaction; {0} is the TXID. Empty: no link (the dev chain links to its own API).</summary>
    public string? ExplorerTransactionUrl { get; set; } = "https://tronscan.org/#/transaction/{0}";
}
