using Meterchat.Ledger;

namespace Meterchat.Reserves.Ethereum;

/// <summary>Proof of reserves, Ethereum: USDT and USDC on the hot wallet and unswept deposit addresses, 1:1. ETH is not counted here.</summary>
internal sealed class EthereumStablecoinReserves(EthereumHoldings holdings) : IReservesSource
{
    public async Task<Micros> GetReservesAsync(CancellationToken cancellationToken) =>
        (await holdings.ReadAsync(cancellationToken)).StablecoinMicros;
}
