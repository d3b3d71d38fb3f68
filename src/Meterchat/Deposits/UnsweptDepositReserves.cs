using Meterchat.Chain;
using Meterchat.Data;
using Meterchat.Ledger;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Node;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Deposits;

/// <summary>
/// Proof of reserves, the deposit side: the USDT still sitting on deposit addresses (not yet swept into the hot
/// wallet). Only addresses that ever received a deposit can hold any, so only those are asked, a few at a time.
/// </summary>
internal sealed class UnsweptDepositReserves(AppDbContext db, ITronNode node, IOptions<ChainOptions> chain, ILogger<UnsweptDepositReserves> logger) : IReservesSource
{
    private const int Concurrency = 4;

    public string AuditName => "TRON deposit addresses USDT (unswept)";

    public async Task<Micros> GetReservesAsync(CancellationToken cancellationToken)
    {
        var addresses = await db.Set<Deposit>().Select(d => d.Address).Distinct().ToListAsync(cancellationToken);
        long total = 0;
        await Parallel.ForEachAsync(
            addresses,
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (address, ct) =>
            {
                var balance = (long)await node.GetTrc20BalanceAsync(chain.Value.Usdt, TronAddress.Parse(address), ct);
                Interlocked.Add(ref total, balance);
            });
        return new Micros(total);
    }

    /// <summary>The audit's line; an unreachable node leaves it uncounted with a sentence saying so (never a 500).</summary>
    public Task<IReadOnlyList<ReservesLine>> GetAuditLinesAsync(CancellationToken cancellationToken) =>
        TronNodeUnreachable.LineAsync(AuditName, () => GetReservesAsync(cancellationToken), logger);
}
