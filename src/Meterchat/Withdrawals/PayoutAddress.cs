namespace Meterchat.Withdrawals;

/// <summary>A saved payout address; usable only after its cooldown (a stolen session cannot cash out at once).</summary>
public sealed class PayoutAddress
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>Base58, shown in full.</summary>
    public required string Address { get; set; }

    public string? Label { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UsableAt { get; set; }
}
