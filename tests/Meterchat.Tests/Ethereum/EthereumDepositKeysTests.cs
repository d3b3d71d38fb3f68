using Meterchat.Ethereum;

namespace Meterchat.Tests.Ethereum;

/// <summary>Public vectors: the same addresses MetaMask, Ledger, Hardhat and ganache derive from these mnemonics.</summary>
public sealed class EthereumDepositKeysTests
{
    private const string Bip39Test = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    private const string HardhatTest = "test test test test test test test test test test test junk";

    [Theory]
    [InlineData(Bip39Test, 0u, "0x9858EfFD232B4033E47d90003D41EC34EcaEda94")]
    [InlineData(Bip39Test, 1u, "0x6Fac4D18c912343BF86fa7049364Dd4E424Ab9C0")]
    [InlineData(Bip39Test, 2u, "0xb6716976A3ebe8D39aCEB04372f22Ff8e6802D7A")]
    [InlineData(HardhatTest, 0u, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")]
    [InlineData(HardhatTest, 1u, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8")]
    [InlineData(HardhatTest, 2u, "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC")]
    public void The_account_xpub_derives_the_wallets_address_at_m_44_60_0_0_i(string mnemonic, uint index, string expected)
    {
        var keys = EthereumDepositKeys.FromAccountXpub(EthereumDepositKeys.AccountXpubFromMnemonic(mnemonic));

        Assert.Equal(expected, keys.AddressAt(index).Checksummed);
    }

    [Theory]
    [InlineData(Bip39Test, 0u, "0x1ab42cc412b618bdea3a599e3c9bae199ebf030895b039e9db1e30dafb12b727")]
    [InlineData(HardhatTest, 0u, "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80")]
    public void The_private_key_at_the_same_path_controls_the_same_address(string mnemonic, uint index, string privateKey)
    {
        var key = EthereumDepositKeys.PrivateKeyAt(mnemonic, index);
        var keys = EthereumDepositKeys.FromAccountXpub(EthereumDepositKeys.AccountXpubFromMnemonic(mnemonic));

        Assert.Equal(privateKey, key.GetPrivateKey());
        Assert.Equal(keys.AddressAt(index), EthereumAddress.Parse(key.GetPublicAddress()));
    }

    [Fact]
    public void An_xpub_that_is_not_an_account_key_is_refused()
    {
        var rootXpub = NBitcoin.ExtKey.CreateFromSeed(new byte[32]).Neuter().ToString(NBitcoin.Network.Main);

        var error = Assert.Throws<FormatException>(() => EthereumDepositKeys.FromAccountXpub(rootXpub));
        Assert.Contains("depth 0", error.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => EthereumDepositKeys.FromAccountXpub("xpub-not-a-key"));
    }

    [Fact]
    public void A_mnemonic_with_a_wrong_word_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => EthereumDepositKeys.AccountXpubFromMnemonic(Bip39Test.Replace("about", "abandon", StringComparison.Ordinal)));
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hardened_indexes_are_not_deposit_addresses()
    {
        var keys = EthereumDepositKeys.FromAccountXpub(EthereumDepositKeys.AccountXpubFromMnemonic(Bip39Test));
        Assert.Throws<ArgumentOutOfRangeException>(() => keys.AddressAt(0x80000000));
    }
}
