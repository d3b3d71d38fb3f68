namespace Meterchat.Ledger;

/// <summary>The USDT the platform holds on chain (hot wallet + unswept deposit addresses), for proof of reserves.</summary>
public interface IReservesSource
{
    Task<Micros> GetReservesAsync(CancellationToken cancellationToken);
}
