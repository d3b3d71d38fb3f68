using Nethereum.Signer;

namespace Meterchat.Ethereum;

/// <summary>
/// The platform's one Ethereum hot wallet: it signs payouts and the gas top-ups of sweeps, and receives swept
/// tokens. From <see cref="EthereumHotWalletOptions"/> (validated at startup). In Development without a key or an
/// address it is ganache's account 1 of the public test mnemonic (public: never for real money); elsewhere without
/// one it is absent and Ethereum payouts are off. With only <c>Ethereum:HotWalletAddress</c> it receives sweeps but
/// signs nothing. The key leaves this class only as signatures: <see cref="ToString"/> shows the address.
/// </summary>
public sealed class EthereumHotWallet
{
    /// <summary>ganache's deterministic accounts (docs/ethereum.md); account 0 funds the dev tokens, account 1 pays out.</summary>
    public const string DevelopmentMnemonic = "test test test test test test test test test test test junk";

    private readonly EthECKey? _key;

    internal EthereumHotWallet(EthECKey? key, EthereumAddress? address)
    {
        _key = key;
        Address = key is null ? address : EthereumAddress.Parse(key.GetPublicAddress());
    }

    /// <summary>Null when neither a key nor an address is configured.</summary>
    public EthereumAddress? Address { get; }

    /// <summary>True when the key is configured: payouts and gas top-ups can be signed.</summary>
    public bool CanSign => _key is not null;

    internal EthECKey Key => _key ?? throw new InvalidOperationException($"No Ethereum hot wallet key ({EthereumHotWalletOptions.KeySetting}).");

    public override string ToString() => $"EthereumHotWallet({Address?.ToString() ?? "none"})";

    /// <summary>The wallet of validated options; <paramref name="development"/> allows the public test key when none is set.</summary>
    public static EthereumHotWallet From(EthereumHotWalletOptions options, bool development)
    {
        if (EthereumHotWalletOptions.ParseKey(options.HotWalletKey) is { } key)
        {
            return new EthereumHotWallet(new EthECKey(key, true), null);
        }

        if (EthereumAddress.TryParse(options.HotWalletAddress, out var address))
        {
            return new EthereumHotWallet(null, address);
        }

        return development
            ? new EthereumHotWallet(EthereumDepositKeys.PrivateKeyAt(DevelopmentMnemonic, 1), null)
            : new EthereumHotWallet(null, null);
    }
}
