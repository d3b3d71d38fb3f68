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

    public DateTimeOffset CreatedAt { get; set; }
}
