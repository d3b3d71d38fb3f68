using Meterchat.Ethereum;
using Nethereum.Signer;

namespace Meterchat.Deposits.Ethereum.Sweeps;

/// <summary>
/// The keys a sweep signs with, read from configuration (environment or secret store) only when signing and never
/// logged: the hot wallet key <c>Ethereum:HotWalletKey</c> (pays the gas top-ups; its address is where the tokens go,
/// or <c>Ethereum:HotWalletAddress</c> when only the address is configured) and the deposit mnemonic
/// <c>Ethereum:DepositMnemonic</c> (each deposit address's key is derived at m/44'/60'/0'/0/i).
/// </summary>
public sealed class SweepKeys(IConfiguration configuration)
{
    public const string HotWalletKeySetting = "Ethereum:HotWalletKey";
    public const string HotWalletAddressSetting = "Ethereum:HotWalletAddress";
    public const string DepositMnemonicSetting = "Ethereum:DepositMnemonic";

    /// <summary>The hot wallet's address, or null when neither its key nor its address is configured.</summary>
    public EthereumAddress? HotWallet()
    {
        if (HotWalletKey() is { } key)
        {
            return EthereumAddress.Parse(key.GetPublicAddress());
        }

        return EthereumAddress.TryParse(configuration[HotWalletAddressSetting], out var address) ? address : null;
    }

    public EthECKey? HotWalletKey() =>
        configuration[HotWalletKeySetting] is { Length: > 0 } hex ? new EthECKey(hex.Trim()) : null;

    /// <summary>The private key of deposit address <paramref name="index"/>, or null without a configured mnemonic.</summary>
    public EthECKey? DepositKey(int index) =>
        configuration[DepositMnemonicSetting] is { Length: > 0 } mnemonic ? EthereumDepositKeys.PrivateKeyAt(mnemonic.Trim(), (uint)index) : null;
}
