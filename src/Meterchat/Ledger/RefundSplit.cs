namespace Meterchat.Ledger;

/// <summary>
/// Where a refund to the buyer comes from. The refund reverses the seller's and the platform's shares in proportion
/// to what each got: the platform's part is refund × platformGot / (sellerGot + platformGot) rounded DOWN to the µUSDT
/// and the seller's part is the rest (the rule <c>Chats.UnitSplit</c> uses), so the parts sum to the refund exactly.
/// The seller's part comes from their earnings as far as the earnings hold it; the remainder is booked to
/// <see cref="AccountRef.PlatformLosses"/> (a system account that may go negative). No user account goes negative.
/// </summary>
public readonly record struct RefundSplit(Micros Refund, Micros FromSeller, Micros FromPlatform, Micros FromLosses)
{
    public static RefundSplit Of(Micros refund, Micros sellerGot, Micros platformGot, Micros sellerEarnings)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(refund.Value);
        ArgumentOutOfRangeException.ThrowIfNegative(sellerGot.Value);
        ArgumentOutOfRangeException.ThrowIfNegative(platformGot.Value);
        var total = sellerGot + platformGot;
        if (refund > total)
        {
            throw new ArgumentOutOfRangeException(nameof(refund), $"A refund of {refund} exceeds the {total} charged.");
        }

        var platform = total.IsPositive ? new Micros((long)((Int128)refund.Value * platformGot.Value / total.Value)) : Micros.Zero;
        var sellerPart = refund - platform;
        var available = sellerEarnings.IsNegative ? Micros.Zero : sellerEarnings;
        var fromSeller = Micros.Min(sellerPart, available);
        return new RefundSplit(refund, fromSeller, platform, sellerPart - fromSeller);
    }

    /// <summary>The legs of the one transfer: buyer's wallet +refund; earnings, revenue, losses − their parts (zero parts left out).</summary>
    public IReadOnlyList<Leg> Legs(string buyerId, string sellerId)
    {
        var legs = new List<Leg> { new(AccountRef.Wallet(buyerId), Refund) };
        if (FromSeller.IsPositive)
        {
            legs.Add(new Leg(AccountRef.Earnings(sellerId), -FromSeller));
        }

        if (FromPlatform.IsPositive)
        {
            legs.Add(new Leg(AccountRef.PlatformRevenue, -FromPlatform));
        }

        if (FromLosses.IsPositive)
        {
            legs.Add(new Leg(AccountRef.PlatformLosses, -FromLosses));
        }

        return legs;
    }
}
