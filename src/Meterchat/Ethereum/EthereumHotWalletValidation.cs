using Microsoft.Extensions.Options;

namespace Meterchat.Ethereum;

/// <summary>
/// Checks the hot wallet settings at startup (ValidateOnStart), so a malformed key or an address that is not the
/// key's stops the app with a message naming the setting, never its value, instead of failing a payout later.
/// </summary>
internal sealed class EthereumHotWalletValidation : IValidateOptions<EthereumHotWalletOptions>
{
    public ValidateOptionsResult Validate(string? name, EthereumHotWalletOptions options)
    {
        byte[]? key;
        try
        {
            key = EthereumHotWalletOptions.ParseKey(options.HotWalletKey);
        }
        catch (FormatException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }

        if (string.IsNullOrWhiteSpace(options.HotWalletAddress))
        {
            return ValidateOptionsResult.Success;
        }

        if (!EthereumAddress.TryParse(options.HotWalletAddress, out var address))
        {
            return ValidateOptionsResult.Fail($"{EthereumHotWalletOptions.AddressSetting} must be an Ethereum address (0x + 40 hex digits, EIP-55 checksum when mixed case).");
        }

        if (key is not null && EthereumAddress.Parse(new Nethereum.Signer.EthECKey(key, true).GetPublicAddress()) != address)
        {
            return ValidateOptionsResult.Fail($"{EthereumHotWalletOptions.AddressSetting} ({address}) is not the address of {EthereumHotWalletOptions.KeySetting}: set the matching pair, or only one of them.");
        }

        return ValidateOptionsResult.Success;
    }
}
