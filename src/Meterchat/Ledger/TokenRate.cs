namespace Meterchat.Ledger;

/// <summary>
/// A seller's price in whole tokens per minute. Billing charges per unit of 0.1 minute,
/// so one unit costs rate × 1,000 µUSDT (rate / 10 tokens).
/// </summary>
public readonly record struct TokenRate(int TokensPerMinute)
{
    public const long MicrosPerUnitPerToken = Micros.PerToken / 10;

    /// <summary>The price of one billing unit (0.1 minute).</summary>
    public Micros UnitPrice => new(checked(TokensPerMinute * MicrosPerUnitPerToken));

    /// <summary>The price of one whole minute (10 units).</summary>
    public Micros PerMinute => Micros.FromTokens(TokensPerMinute);

    public override string ToString() => $"{TokensPerMinute} tokens/min";
}
