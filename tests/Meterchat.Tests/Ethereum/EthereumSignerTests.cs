using System.Numerics;
using Meterchat.Ethereum;
using Nethereum.Model;
using Nethereum.Signer;

namespace Meterchat.Tests.Ethereum;

/// <summary>Offline EIP-1559 signing: what a payout stores before it broadcasts.</summary>
public sealed class EthereumSignerTests
{
    private static readonly EthECKey HotWallet = EthereumDepositKeys.PrivateKeyAt("test test test test test test test test test test test junk", 0);
    private static readonly EthereumAddress Usdt = EthereumAddress.Parse("0xdAC17F958D2ee523a2206206994597C13D831ec7");
    private static readonly EthereumAddress Seller = EthereumAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    private static readonly EthereumFee Fee = new(30_000_000_000, 2_000_000_000, 65_000);

    [Fact]
    public void A_signed_token_transfer_is_type_2_on_the_configured_chain_and_recovers_to_the_hot_wallet()
    {
        var signed = EthereumSigner.Sign(HotWallet, 1, 7, Fee, Usdt, BigInteger.Zero, EthereumNode.TokenTransferData(Seller, 40_000_000));

        var decoded = Assert.IsType<Transaction1559>(TransactionFactory.CreateTransaction(signed.Raw));
        Assert.Equal(2, signed.Raw[0]);
        Assert.Equal(BigInteger.One, decoded.ChainId);
        Assert.Equal(new BigInteger(7), decoded.Nonce);
        Assert.Equal(Fee.MaxFeePerGas, decoded.MaxFeePerGas);
        Assert.Equal(Fee.GasLimit, decoded.GasLimit);
        Assert.Equal(Usdt, EthereumAddress.Parse(decoded.ReceiverAddress));
        Assert.Equal(EthereumAddress.Parse(HotWallet.GetPublicAddress()), EthereumAddress.Parse(TransactionVerificationAndRecovery.GetSenderAddress(decoded)));
        Assert.Equal(signed.From, EthereumAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));
    }

    [Fact]
    public void The_hash_is_known_before_broadcast_and_the_same_bytes_always_have_the_same_hash()
    {
        var signed = EthereumSigner.Sign(HotWallet, 1337, 0, Fee, Seller, 5, null);

        Assert.Equal(signed.Hash, EthereumSigner.HashOf(signed.Raw.ToArray()));
        Assert.Matches("^0x[0-9a-f]{64}$", signed.Hash);
        Assert.NotEqual(signed.Hash, EthereumSigner.Sign(HotWallet, 1337, 1, Fee, Seller, 5, null).Hash);
    }

    [Fact]
    public void Erc20_transfer_data_is_the_transfer_selector_then_the_padded_address_and_amount()
    {
        var data = Convert.ToHexStringLower(EthereumNode.TokenTransferData(Seller, 40_000_000));

        Assert.Equal("a9059cbb" + new string('0', 24) + Seller.Lower[2..] + 40_000_000.ToString("x64", System.Globalization.CultureInfo.InvariantCulture), data);
    }
}
