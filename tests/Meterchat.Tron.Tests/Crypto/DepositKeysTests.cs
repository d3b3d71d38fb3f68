using Meterchat.Tron.Crypto;

namespace Meterchat.Tron.Tests.Crypto;

public class DepositKeysTests
{
    private const string Mnemonic = "cook voyage document eight skate token alien guide drink uncle term abuse";
    private const string Xpub = "xpub6ChVWbXxgtp7PfXntivshZfwQophZWmVQwKJz1wY2MSKn5nm71wvUAj3vGCPHHWTLCreiQzcxgWGJqhAvwNpNUB992qY7a6CpZBnkYvVmyb";

    // BIP32 test vector 1 root keys (depth 0).
    private const string RootXprv = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi";
    private const string RootXpub = "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8";

    [Fact]
    public void Server_xpub_and_operator_mnemonic_agree_on_every_index()
    {
        var keys = DepositKeys.FromAccountXpub(Xpub);
        Assert.Equal(Xpub, keys.AccountXpub);
        foreach (var index in new uint[] { 0, 1, 2, 99, 100_000, 0x7fffffff })
        {
            using var key = DepositKeys.PrivateKeyAt(Mnemonic, index);
            Assert.Equal(key.Address, keys.AddressAt(index));
            Assert.Equal(key.Address, DepositKeys.DeriveAddress(Xpub, index));
        }

        Assert.NotEqual(keys.AddressAt(0), keys.AddressAt(1));
    }

    [Fact]
    public void Root_xprv_gives_the_account_xpub_and_the_same_keys_as_the_account_xprv()
    {
        var accountXpub = DepositKeys.AccountXpubFromXprv(RootXprv);
        Assert.StartsWith("xpub", accountXpub, StringComparison.Ordinal);
        var keys = DepositKeys.FromAccountXpub(accountXpub);
        using var key = DepositKeys.PrivateKeyAt(RootXprv, 5);
        Assert.Equal(keys.AddressAt(5), key.Address);
    }

    [Theory]
    [InlineData("", "Invalid extended public key")]
    [InlineData("xpub-not-a-key", "Invalid extended public key")]
    [InlineData(RootXpub, "depth 0; expected the account key m/44'/195'/0' (depth 3)")]
    [InlineData(RootXprv, "Invalid extended public key")]
    [InlineData("xpub6ChVWbXxgtp7PfXntivshZfwQophZWmVQwKJz1wY2MSKn5nm71wvUAj3vGCPHHWTLCreiQzcxgWGJqhAvwNpNUB992qY7a6CpZBnkYvVmyc", "Invalid extended public key")]
    public void Bad_xpub_is_refused_with_the_reason(string xpub, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => DepositKeys.FromAccountXpub(xpub));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cook voyage document eight skate token alien guide drink uncle term cook", "checksum")]
    [InlineData("cook voyage document eight skate token alien guide drink uncle term notaword", "Invalid mnemonic")]
    [InlineData("cook voyage", "Invalid mnemonic")]
    public void Bad_mnemonic_is_refused(string mnemonic, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => DepositKeys.AccountXpubFromMnemonic(mnemonic));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hardened_index_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DepositKeys.FromAccountXpub(Xpub).AddressAt(0x80000000));
        Assert.Throws<ArgumentOutOfRangeException>(() => DepositKeys.PrivateKeyAt(Mnemonic, 0x80000000));
    }

    [Fact]
    public void Passphrase_changes_the_wallet() =>
        Assert.NotEqual(DepositKeys.AccountXpubFromMnemonic(Mnemonic), DepositKeys.AccountXpubFromMnemonic(Mnemonic, "extra"));
}
