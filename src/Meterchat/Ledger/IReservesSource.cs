namespace Meterchat.Ledger;

/// <summary>The USDT the platform holds on chain (hot wallet + unswept deposit addresses), for proof of reserves.</summary>
public interface IReservesSource
{
    Task<Micros> GetReservesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The lines the audit shows and counts: one line of <see cref="GetReservesAsync"/> unless a source says more
    /// (Ethereum: its stablecoins, its ETH at the price, or that its node could not be reached).
    /// </summary>
    async Task<IReadOnlyList<ReservesLine>> GetAuditLinesAsync(CancellationToken cancellationToken) =>
        [new ReservesLine(AuditName, await GetReservesAsync(cancellationToken), "USDT read from the chain")];

    /// <summary>The name of this source's line in the audit.</summary>
    string AuditName => "On chain";
}
