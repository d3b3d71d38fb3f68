namespace Meterchat.Ledger;

/// <summary>
/// One balanced movement of money. The idempotency key names the business fact
/// (<c>deposit:{txid}:{log}</c>, <c>unit:{session}:{k}</c>): the ledger records each key once, ever.
/// </summary>
public sealed record TransferRequest(string IdempotencyKey, TransferKind Kind, IReadOnlyList<Leg> Legs, string? Reference = null)
{
    public const int MaxKeyLength = 200;

    /// <summary>A two-legged transfer: <paramref name="amount"/> from one account to another.</summary>
    public static TransferRequest Move(string key, TransferKind kind, AccountRef from, AccountRef to, Micros amount, string? reference = null) =>
        new(key, kind, [new Leg(from, -amount), new Leg(to, amount)], reference);

    /// <summary>Why this request cannot be a transfer, or null when it can.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(IdempotencyKey) || IdempotencyKey.Length > MaxKeyLength)
        {
            return $"An idempotency key of 1 to {MaxKeyLength} characters is required.";
        }

        if (Legs is null || Legs.Count < 2)
        {
            return "A transfer needs at least two legs.";
        }

        var sum = 0L;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var leg in Legs)
        {
            if (leg.Account.Code is null)
            {
                return "A leg names no account.";
            }

            if (leg.Amount.Value == 0)
            {
                return $"The leg on {leg.Account} moves nothing; every leg must move a non-zero amount.";
            }

            if (!seen.Add(leg.Account.Code))
            {
                return $"The account {leg.Account} appears twice; each account at most once per transfer.";
            }

            try
            {
                sum = checked(sum + leg.Amount.Value);
            }
            catch (OverflowException)
            {
                return "The legs' amounts overflow.";
            }
        }

        return sum == 0 ? null : $"The legs sum to {sum} µUSDT; a transfer must balance to zero.";
    }
}
