using Meterchat.Chain;
using Meterchat.Data;
using Meterchat.Tron.Encoding;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Deposits;

/// <summary>Every user's deposit address is the platform's: no payout may go to one.</summary>
internal sealed class DepositAddressOwnership(AppDbContext db) : IPlatformAddresses
{
    public Task<bool> OwnsAsync(TronAddress address, CancellationToken cancellationToken)
    {
        var base58 = address.ToBase58();
        return db.Set<DepositAddress>().AnyAsync(a => a.Address == base58, cancellationToken);
    }
}
