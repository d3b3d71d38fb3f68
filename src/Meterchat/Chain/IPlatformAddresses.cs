using Meterchat.Ethereum;
using Meterchat.Tron.Encoding;

namespace Meterchat.Chain;

/// <summary>
/// Addresses a feature holds on chain for the platform (e.g. users' deposit addresses). A payout to one of them
/// would only move USDT between our own addresses while debiting a user, so withdrawals refuse them.
/// </summary>
public interface IPlatformAddresses
{
    Task<bool> OwnsAsync(TronAddress address, CancellationToken cancellationToken);

    /// <summary>The same on Ethereum; a feature that holds no Ethereum addresses owns none.</summary>
    Task<bool> OwnsAsync(EthereumAddress address, CancellationToken cancellationToken) => Task.FromResult(false);
}
