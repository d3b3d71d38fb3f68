using Meterchat.Data;
using Meterchat.Deposits.Ethereum;
using Meterchat.Tron.Crypto;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Deposits;

/// <summary>Each user's deposit address: the next free index on the first request, the same address ever after.</summary>
public sealed class DepositAddresses(AppDbContext db, DepositKeys keys, EthereumDepositKeySource ethereum, TimeProvider time)
{
    public async Task<DepositAddress> GetOrCreateAsync(string userId, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await db.Set<DepositAddress>().AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId, ct) is { } existing)
            {
                return existing;
            }

            var next = (await db.Set<DepositAddress>().MaxAsync(a => (int?)a.Index, ct) ?? -1) + 1;
            var row = new DepositAddress
            {
                UserId = userId,
                Index = next,
                Address = keys.AddressAt((uint)next).ToBase58(),
                EthereumAddress = ethereum.Keys?.AddressAt((uint)next).Checksummed,
                CreatedAt = time.GetUtcNow(),
            };
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                return row;
            }
            catch (DbUpdateException) when (attempt < 20)
            {
                // Another request took this index or created this user's row: read again.
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }
}
