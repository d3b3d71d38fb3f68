using Meterchat.Ledger;

namespace Meterchat.Chats;

/// <summary>
/// How one unit's price divides between the platform and the seller. The platform share is rounded down
/// to the µUSDT and the seller gets the rest, so Platform + Seller = Price exactly: nothing is created or lost.
/// </summary>
public readonly record struct UnitSplit(Micros Price, Micros Platform, Micros Seller)
{
    public const int BasisPointsPerWhole = 10_000;

    public static UnitSplit Of(Micros price, int commissionBasisPoints)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(price.Value);
        ArgumentOutOfRangeException.ThrowIfNegative(commissionBasisPoints);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(commissionBasisPoints, BasisPointsPerWhole);

        // Integer division of non-negative values floors.
        var platform = new Micros(checked(price.Value * commissionBasisPoints) / BasisPointsPerWhole);
        return new UnitSplit(price, platform, price - platform);
    }

    public static UnitSplit Of(TokenRate rate, int commissionBasisPoints) => Of(rate.UnitPrice, commissionBasisPoints);

    /// <summary>The totals for a number of units charged at this split.</summary>
    public UnitSplit Times(long units) => new(Price * units, Platform * units, Seller * units);
}
