using System.Text.Json.Serialization;
using Meterchat.Ledger;

namespace Meterchat.Chats;

/// <summary>
/// What the buyer confirmed before requesting: frozen for the session, so a later change of the seller's
/// rate or the operator's commission never reprices a running or replayed session.
/// </summary>
/// <param name="Rate">The seller's rate at request time.</param>
/// <param name="CommissionBasisPoints">The platform commission at request time (MeterOptions.CommissionBasisPoints).</param>
/// <param name="SpendingLimit">The most the buyer allows this session to cost, or null for no limit beyond the wallet.</param>
public sealed record ChatTerms(TokenRate Rate, int CommissionBasisPoints, Micros? SpendingLimit = null)
{
    [JsonIgnore]
    public UnitSplit Split => UnitSplit.Of(Rate, CommissionBasisPoints);

    internal string? Problem() =>
        Rate.TokensPerMinute <= 0 ? "The rate must be positive."
        : CommissionBasisPoints is < 0 or > UnitSplit.BasisPointsPerWhole ? "The commission must be 0 to 10,000 basis points."
        : SpendingLimit is { IsPositive: false } ? "A spending limit must be positive."
        : null;
}
