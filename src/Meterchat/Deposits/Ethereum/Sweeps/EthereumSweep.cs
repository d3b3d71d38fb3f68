namespace Meterchat.Deposits.Ethereum.Sweeps;

/// <summary>
/// One sweep of an ERC-20 balance from a deposit address into the hot wallet: an optional gas top-up (ETH from the hot
/// wallet, when the address lacks it for the transfer's gas), then the token transfer signed with the address's key.
/// Each transaction's signed bytes are stored before they are broadcast, so a crash rebroadcasts the same bytes and
/// the tokens move once. Amounts are base units as decimal text (wei exceed a long).
/// </summary>
public sealed class EthereumSweep
{
    public long Id { get; set; }

    /// <summary>The deposit address, 0x + 40 lower-case hex digits.</summary>
    public string Address { get; set; } = "";

    /// <summary>Its BIP44 index (m/44'/60'/0'/0/i), the user's deposit index.</summary>
    public int AddressIndex { get; set; }

    /// <summary>"USDT" or "USDC".</summary>
    public string Asset { get; set; } = "";

    public string Contract { get; set; } = "";

    /// <summary>Token base units swept (its on-chain balance when planned).</summary>
    public string Units { get; set; } = "0";

    /// <summary>The hot wallet the tokens go to (lower-case).</summary>
    public string HotWallet { get; set; } = "";

    public EthereumSweepStatus Status { get; set; }

    /// <summary>Wei sent to the address for gas; "0" when it had enough.</summary>
    public string TopUpWei { get; set; } = "0";

    public string? TopUpHash { get; set; }

    public byte[]? TopUpRaw { get; set; }

    /// <summary>The fee the sweep transfer is signed with, fixed when planned so the top-up covers exactly it.</summary>
    public string MaxFeePerGas { get; set; } = "0";

    public string MaxPriorityFeePerGas { get; set; } = "0";

    public string GasLimit { get; set; } = "0";

    public string? SweepHash { get; set; }

    public byte[]? SweepRaw { get; set; }

    /// <summary>Gas actually paid (gas used × effective price), in wei, once mined: the top-up's (hot wallet) and the sweep's (deposit address).</summary>
    public string? TopUpFeeWei { get; set; }

    public string? SweepFeeWei { get; set; }

    /// <summary>Both fees in µUSDT at <see cref="MicrosPerEther"/>, the price when the sweep completed (null: no price then).</summary>
    public long? CostMicros { get; set; }

    public long? MicrosPerEther { get; set; }

    public string? Failure { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Who started it: "admin:{id}" or "job".</summary>
    public string StartedBy { get; set; } = "";
}
