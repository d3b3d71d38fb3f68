using Meterchat.Data;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Deposits.Ethereum;

/// <summary>For proof of reserves: the Ethereum deposit addresses that ever received a deposit (only those can hold any).</summary>
public sealed class EthereumDepositAddresses(AppDbContext db)
{
    public async Task<IReadOnlyList<string>> WithDepositsAsync(CancellationToken ct) =>
        await db.Set<EthereumDeposit>().AsNoTracking().Select(d => d.Address).Distinct().OrderBy(a => a).ToListAsync(ct);
}
