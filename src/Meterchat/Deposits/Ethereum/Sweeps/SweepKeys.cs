using Meterchat.Ethereum;
using Nethereum.Signer;

namespace Meterchat.Deposits.Ethereum.Sweeps;

/// <summary>
/// The deposit addresses' keys a sweep signs its transfer with, derived at m/44'/60'/0'/0/i from the deposit mnemonic
/// <c>Ethereum:DepositMnemonic</c> (environment or secret store), read only when signing and never logged. The hot
/// wallet (gas top-ups, where the tokens go) is the one <see cref="EthereumHotWallet"/> payouts use too.
/// </summary>
public sealed class SweepKeys(IConfiguration configuration)
{
    public const string DepositMnemonicSetting = "Ethereum:DepositMnemonic";

    /// <summary>The private key of deposit address <paramref name="index"/>, or null without a configured mnemonic.</summary>
    public EthECKey? DepositKey(int index) =>
        configuration[DepositMnemonicSetting] is { Length: > 0 } mnemonic ? EthereumDepositKeys.PrivateKeyAt(mnemonic.Trim(), (uint)index) : null;
}
