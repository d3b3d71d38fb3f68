using Meterchat.Ledger;

namespace Meterchat.Trust.Tips;

/// <summary>A tip request: an amount in tokens (up to 2 decimals) and a key the client chose, so a retry never tips twice.</summary>
public sealed record TipInput(string? Tokens, string? ClientKey);

/// <summary>What the confirmation step shows: the amount, what the seller gets and the platform's fee.</summary>
public sealed record TipQuote(MoneyJson Amount, MoneyJson SellerShare, MoneyJson Fee, int CommissionBasisPoints);

/// <summary>A booked tip; <see cref="Replayed"/> when the same client key was used before (nothing moved again).</summary>
public sealed record TipView(Guid SessionId, string Key, MoneyJson Amount, MoneyJson SellerShare, MoneyJson Fee, bool Replayed);
