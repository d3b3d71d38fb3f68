using Meterchat.Ethereum;
using Microsoft.Extensions.Options;
using Nethereum.Signer;

namespace Meterchat.Withdrawals.Ethereum;

/// <summary>
/// The key Ethereum payouts are signed with, from <c>Ethereum:HotWalletKey</c> (environment or user secrets). In
/// Development without one it is ganache's account 1 of the public test mnemonic (public: never for real money);
/// elsewhere without one Ethereum payouts are off. The key leaves this class only as signatures: <see cref="ToString"/>
/// shows the address.
/// </summary>
public sealed class EthereumHotWallet
{
    /// <summary>ganache's deterministic accounts (docs/ethereum.md); account 0 funds the dev tokens, account 1 pays out.</summary>
    public const string DevelopmentMnemonic = "test test test test test test test test test test test junk";

    private readonly EthECKey? _key;

    internal EthereumHotWallet(EthECKey? key)
    {
        _key = key;
        Address = key is null ? null : EthereumAddress.Parse(key.GetPublicAddress());
    }

    /// <summary>Null when no key is configured: Ethereum payouts are off.</summary>
    public EthereumAddress? Address { get; }

    internal EthECKey Key => _key ?? throw new InvalidOperationException("No Ethereum hot wallet key (Ethereum:HotWalletKey).");

    public override string ToString() => $"EthereumHotWallet({Address?.ToString() ?? "none"})";

    internal static EthereumHotWallet Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<EthereumPayoutOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(options.HotWalletKey))
        {
            return new EthereumHotWallet(new EthECKey(options.HotWalletKey.Trim()));
        }

        return services.GetRequiredService<IHostEnvironment>().IsDevelopment()
            ? new EthereumHotWallet(EthereumDepositKeys.PrivateKeyAt(DevelopmentMnemonic, 1))
            : new EthereumHotWallet(null);
    }
}
