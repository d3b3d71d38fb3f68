namespace Meterchat.Deposits;

/// <summary>A user's personal deposit address: m/44'/195'/0'/0/<see cref="Index"/> of the deposit xpub.</summary>
public sealed class DepositAddress
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>The BIP44 address index, unique, assigned on the user's first request and never changed.</summary>
    public int Index { get; set; }

    /// <summary>Base58 (T…).</summary>
    public string Address { get; set; } = "";

    /// <summary>
    /// The same user's Ethereum deposit address, m/44'/60'/0'/0/<see cref="Index"/> of the Ethereum account xpub,
    /// EIP-55 (0x + 40 hex). Stored when the row is created so the Ethereum address map loads it instead of deriving
    /// every address at each start; null while no Ethereum deposit key is set, or on rows made before this column
    /// (the map fills those in, in batches: <c>EthereumDepositAddressMap</c>).
    /// </summary>
    public string? EthereumAddress { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
