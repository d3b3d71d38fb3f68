using Meterchat.Chain;
using Meterchat.Data;
using Meterchat.Ethereum;
using Meterchat.Tron.Encoding;

namespace Meterchat.Deposits.Ethereum;

/// <summary>Every user's Ethereum deposit address (m/44'/60'/0'/0/i of their deposit index) is the platform's: no payout may go to one.</summary>
internal sealed class EthereumDepositAddressOwnership(AppDbContext db, EthereumDepositAddressMap map, EthereumDepositKeySource keys) : IPlatformAddresses
{
    public Task<bool> OwnsAsync(TronAddress address, CancellationToken cancellationToken) => Task.FromResult(false);

    public async Task<bool> OwnsAsync(EthereumAddress address, CancellationToken cancellationToken)
    {
        if (keys.Keys is null)
        {
            return false; // no deposit key: no Ethereum deposit address exists
        }

        await map.RefreshAsync(db, cancellationToken);
        return map.Contains(address);
    }
}
