using Meterchat.Tron.Encoding;
using NBitcoin;

namespace Meterchat.Tron.Crypto;

/// <summary>
/// BIP32/BIP44 deposit addresses for TRON (SLIP-44 coin 195). The server holds only the
/// account-level extended public key of m/44'/195'/0' and derives address i at 0/i; the
/// operator derives the matching private key from the mnemonic or extended private key only to
/// sweep. xpub/xprv strings use Bitcoin mainnet version bytes (0488b21e/0488ade4), as TRON wallets do.
/// </summary>
public sealed class DepositKeys
{
    public const string AccountPath = "m/44'/195'/0'";
    public const int AccountDepth = 3;

    private readonly ExtPubKey _external;

    private DepositKeys(ExtPubKey account)
    {
        AccountXpub = account.ToString(Network.Main);
        _external = account.Derive(0);
    }

    public string AccountXpub { get; }

    /// <summary>Parses the account xpub (depth 3, m/44'/195'/0'); derivations from it are cached-parent fast.</summary>
    public static DepositKeys FromAccountXpub(string xpub)
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

        return new DepositKeys(key);
    }

    /// <summary>The deposit address at m/44'/195'/0'/0/<paramref name="index"/>.</summary>
    public TronAddress AddressAt(uint index)
    {
        CheckIndex(index);
        return TronAddress.FromPublicKey(_external.Derive(index).PubKey.Decompress().ToBytes());
    }

    public static TronAddress DeriveAddress(string accountXpub, uint index) => FromAccountXpub(accountXpub).AddressAt(index);

    /// <summary>The account xpub of m/44'/195'/0' from a BIP39 mnemonic (English) and optional passphrase.</summary>
    public static string AccountXpubFromMnemonic(string mnemonic, string? passphrase = null) =>
        AccountKey(RootFromMnemonic(mnemonic, passphrase)).Neuter().ToString(Network.Main);

    /// <summary>The account xpub from an xprv: the root (depth 0) or the account key itself (depth 3).</summary>
    public static string AccountXpubFromXprv(string xprv) =>
        AccountFromXprv(xprv).Neuter().ToString(Network.Main);

    /// <summary>The private key of deposit address <paramref name="index"/>, from a mnemonic or an xprv (root or account).</summary>
    public static TronKey PrivateKeyAt(string mnemonicOrXprv, uint index, string? passphrase = null)
    {
        ArgumentNullException.ThrowIfNull(mnemonicOrXprv);
        CheckIndex(index);
        var trimmed = mnemonicOrXprv.Trim();
        var account = trimmed.StartsWith("xprv", StringComparison.Ordinal)
            ? AccountFromXprv(trimmed)
            : AccountKey(RootFromMnemonic(trimmed, passphrase));
        using var key = account.Derive(0).Derive(index).PrivateKey;
        return TronKey.FromBytes(key.ToBytes());
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

    private static ExtKey AccountFromXprv(string xprv)
    {
        ExtKey key;
        try
        {
            key = ExtKey.Parse(xprv.Trim(), Network.Main);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new FormatException($"Invalid extended private key: {ex.Message}", ex);
        }

        return key.Depth switch
        {
            0 => AccountKey(key),
            AccountDepth => key,
            _ => throw new FormatException($"This extended private key is at depth {key.Depth}; expected the root (0) or the account {AccountPath} ({AccountDepth})."),
        };
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
