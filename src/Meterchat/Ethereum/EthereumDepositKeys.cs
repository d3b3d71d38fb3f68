using NBitcoin;
using Nethereum.Signer;

namespace Meterchat.Ethereum;

/// <summary>
/// BIP32/BIP44 deposit addresses for Ethereum (SLIP-44 coin 60), the way <c>Meterchat.Tron.Crypto.DepositKeys</c>
/// does it for TRON: the server holds only the account xpub of m/44'/60'/0' and derives address i at 0/i, the
/// path MetaMask, Ledger and most wallets use; the operator derives private keys from the mnemonic only to sweep.
/// </summary>
public sealed class EthereumDepositKeys
{
    public const string AccountPath = "m/44'/60'/0'";
    public const int AccountDepth = 3;

    private readonly ExtPubKey _external;

    private EthereumDepositKeys(ExtPubKey account)
    {
        AccountXpub = account.ToString(Network.Main);
        _external = account.Derive(0);
    }

    public string AccountXpub { get; }

    /// <summary>Parses the account xpub (depth 3, m/44'/60'/0').</summary>
    public static EthereumDepositKeys FromAccountXpub(string xpub)
    {
        ExtPubKey key;
        try
        {
            key = ExtPubKey.Parse(xpub?.Trim() ?? "", Network.Main);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new FormatException($"Invalid extended public key: {ex.Message} (expected an xpub… string of the account {AccountPath}).", ex);
        }

        if (key.Depth != AccountDepth)
        {
            throw new FormatException($"This extended public key is at depth {key.Depth}; expected the account key {AccountPath} (depth {AccountDepth}), or the addresses would not match the wallet's.");
        }

        return new EthereumDepositKeys(key);
    }

    /// <summary>The deposit address at m/44'/60'/0'/0/<paramref name="index"/>.</summary>
    public EthereumAddress AddressAt(uint index)
    {
        CheckIndex(index);
        return EthereumAddress.FromPublicKey(_external.Derive(index).PubKey.Decompress().ToBytes());
    }

    /// <summary>The account xpub of m/44'/60'/0' from a BIP39 mnemonic (English) and optional passphrase.</summary>
    public static string AccountXpubFromMnemonic(string mnemonic, string? passphrase = null) =>
        AccountKey(RootFromMnemonic(mnemonic, passphrase)).Neuter().ToString(Network.Main);

    /// <summary>The private key of m/44'/60'/0'/0/<paramref name="index"/> (sweeps, development and tests; never stored).</summary>
    public static EthECKey PrivateKeyAt(string mnemonic, uint index, string? passphrase = null)
    {
        CheckIndex(index);
        using var key = AccountKey(RootFromMnemonic(mnemonic, passphrase)).Derive(0).Derive(index).PrivateKey;
        return new EthECKey(key.ToBytes(), true);
    }

    private static ExtKey RootFromMnemonic(string mnemonic, string? passphrase)
    {
        Mnemonic words;
        try
        {
            words = new Mnemonic(mnemonic.Trim(), Wordlist.English);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException)
        {
            throw new FormatException($"Invalid mnemonic: {ex.Message}", ex);
        }

        if (!words.IsValidChecksum)
        {
            throw new FormatException("Invalid mnemonic: the BIP39 checksum does not match (a wrong or missing word).");
        }

        return words.DeriveExtKey(passphrase ?? "");
    }

    private static ExtKey AccountKey(ExtKey root) => root.Derive(KeyPath.Parse(AccountPath));

    private static void CheckIndex(uint index)
    {
        if (index >= 0x80000000)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "A deposit index is below 2^31 (non-hardened).");
        }
    }
}
