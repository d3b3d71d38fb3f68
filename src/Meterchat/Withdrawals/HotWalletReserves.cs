using Meterchat.Chain;
using Meterchat.Ledger;
using Meterchat.Tron.Node;
using Microsoft.Extensions.Options;

namespace Meterchat.Withdrawals;

/// <summary>Proof of reserves: the hot wallet's USDT (deposit addresses not yet swept are the deposits feature's).</summary>
internal sealed class HotWalletReserves(ITronNode node, HotWallet wallet, IOptions<ChainOptions> chain, ILogger<HotWalletReserves> logger) : IReservesSource
{
    public string AuditName => "TRON hot wallet USDT";

    public async Task<Micros> GetReservesAsync(CancellationToken cancellationToken) =>
        new((long)await node.GetTrc20BalanceAsync(chain.Value.Usdt, wallet.Address, cancellationToken));

    /// <summary>The audit's line; an unreachable node leaves it uncounted with a sentence saying so (never a 500).</summary>
    public Task<IReadOnlyList<ReservesLine>> GetAuditLinesAsync(CancellationToken cancellationToken) =>
        TronNodeUnreachable.LineAsync(AuditName, () => GetReservesAsync(cancellationToken), logger);
}
