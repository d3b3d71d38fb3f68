using Meterchat.Ledger;

namespace Meterchat.Reserves.Ethereum;

/// <summary>
/// Proof of reserves, Ethereum: USDT and USDC on the hot wallet and unswept deposit addresses, 1:1. ETH is not
/// counted in <see cref="GetReservesAsync"/> (the published reserves); the audit's lines say when the node could not be read.
/// </summary>
internal sealed class EthereumStablecoinReserves(EthereumHoldings holdings) : IReservesSource
{
    public string AuditName => "Ethereum USDT and USDC (1:1)";

    public async Task<Micros> GetReservesAsync(CancellationToken cancellationToken)
    {
        var held = await holdings.ReadAsync(cancellationToken);
        return held.Unavailable is { } reason ? throw new InvalidOperationException(reason) : held.StablecoinMicros;
    }

    public async Task<IReadOnlyList<ReservesLine>> GetAuditLinesAsync(CancellationToken cancellationToken)
    {
        var held = await holdings.ReadAsync(cancellationToken);
        if (!held.Enabled)
        {
            return [];
        }

        if (held.Unavailable is { } reason)
        {
            return [new ReservesLine("Ethereum (USDT, USDC, ETH)", null, reason)];
        }

        return [new ReservesLine(AuditName, held.StablecoinMicros, "hot wallet and unswept deposit addresses")];
    }
}
