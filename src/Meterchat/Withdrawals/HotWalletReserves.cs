using Meterchat.Chain;
using Meterchat.Ledger;
using Meterchat.Tron.Node;
using Microsoft.Extensions.Options;

namespace Meterchat.Withdrawals;

/// <summary>Proof of reserves: the hot wallet's USDT (deposit addresses not yet swept are the deposits feature's).</summary>
internal sealed class HotWalletReserves(ITronNode node, HotWallet wallet, IOptions<ChainOptions> chain) : IReservesSource
{
    public string AuditName => "TRON hot wallet USDT";

    public async Task<Micros> GetReservesAsync(CancellationToken cancellationToken) =>
        new((long)await node.GetTrc20BalanceAsync(chain.Value.Usdt, wallet.Address, cancellationToken));
}
