namespace Meterchat.Ethereum;

/// <summary>
/// <c>Ethereum:HotWalletKey</c> and <c>Ethereum:HotWalletAddress</c>: the one hot wallet payouts and sweeps share
/// (<see cref="EthereumHotWallet"/>). The key is a secret: environment (<c>Ethereum__HotWalletKey</c>) or user
/// secrets only, never logged, never in a message.
/// </summary>
public sealed class EthereumHotWalletOptions
{
    public const string Section = "Ethereum";
    public const string KeySetting = "Ethereum:HotWalletKey";
    public const string AddressSetting = "Ethereum:HotWalletAddress";

    /// <summary>The private key, 64 hex digits (0x optional).</summary>
    public string? HotWalletKey { get; set; }

    /// <summary>The hot wallet's address: alone, where sweeps send tokens (nothing is signed); with the key, it must be the key's address.</summary>
    public string? HotWalletAddress { get; set; }

    /// <summary>The key's 32 bytes, or null when none is set; a <see cref="FormatException"/> (not naming the value) when malformed.</summary>
    public static byte[]? ParseKey(string? hex)
    {
        if (string.IsNullOrWhiteSpace(hex))
        {
            return null;
        }

        var digits = hex.Trim();
        digits = digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? digits[2..] : digits;
        byte[] bytes;
        try
        {
            bytes = digits.Length == 64 ? Convert.FromHexString(digits) : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new FormatException($"{KeySetting} must be a private key of 64 hex digits (32 bytes, 0x optional).");
        }

        try
        {
            using var valid = new NBitcoin.Key(bytes); // refuses 0 and values at or above the curve's order
        }
        catch (ArgumentException)
        {
            throw new FormatException($"{KeySetting} is 32 bytes but not a valid secp256k1 private key.");
        }

        return bytes;
    }
}
