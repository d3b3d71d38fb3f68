using Meterchat.Ledger;

namespace Meterchat.Reserves.Ethereum;

/// <summary>
/// Proof of reserves, Ethereum: USDT and USDC on the hot wallet and unswept deposit addresses, 1:1. ETH is not
/// counted in <see cref="GetReservesAsync"/> (the published reserves); the audit counts it as its own line at the
/// current price, and its lines say when the node could not be read or ETH could not be valued.
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

        return [new ReservesLine(AuditName, held.StablecoinMicros, "hot wallet and unswept deposit addresses"), EtherLine(held)];
    }

    /// <summary>
    /// ETH counts in the audit (ETH deposits are credited as µUSDT, so the ETH is what covers them) at the current
    /// price, rounded down to the µUSDT; without a price its line says so and counts nothing.
    /// </summary>
    private static ReservesLine EtherLine(EthereumHoldingsView held)
    {
        const string Name = "Ethereum ETH";
        var ether = Meterchat.Ethereum.EtherText.Of(held.EtherWei);
        if (held.EtherWei.IsZero)
        {
            return new ReservesLine(Name, Micros.Zero, "0 ETH");
        }

        return held.Price is { } price
            ? new ReservesLine(Name, price.MicrosFor(held.EtherWei),
                $"{ether} ETH at {new Micros(price.MicrosPerEther).ToUsdtString()} USDT/ETH ({price.Source}, {price.At:yyyy-MM-dd HH:mm:ss}Z), rounded down")
            : new ReservesLine(Name, null, $"{ether} ETH could not be valued: no ETH price now");
    }
}
