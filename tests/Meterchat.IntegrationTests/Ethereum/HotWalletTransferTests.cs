using System.Numerics;
using Meterchat.Ethereum;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>
/// A payout's chain half on ganache: the hot wallet signs an ERC-20 transfer (EIP-1559), the raw bytes are kept,
/// broadcast and mined; sending the same bytes again changes nothing.
/// </summary>
[Collection(GanacheCollection.Name)]
public sealed class HotWalletTransferTests(GanacheChain chain)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_signed_usdt_payout_is_mined_and_rebroadcasting_the_same_bytes_is_harmless()
    {
        var hotWallet = await chain.FundedKeyAsync(BigInteger.Pow(10, 18), chain.Usdt, 100_000_000);
        var hotAddress = EthereumAddress.Parse(hotWallet.GetPublicAddress());
        var seller = EthereumAddress.Parse(Nethereum.Signer.EthECKey.GenerateKey().GetPublicAddress());
        var nonceBefore = await chain.Node.PendingNonceAsync(hotAddress, None);

        var signed = await chain.Node.SignTokenTransferAsync(hotWallet, chain.Usdt, seller, 40_000_000, None);
        Assert.Equal(hotAddress, signed.From);
        Assert.Equal(nonceBefore, signed.Nonce);
        Assert.Equal(2, signed.Raw[0]); // EIP-1559 (type 2)
        Assert.Equal(signed.Hash, await chain.Node.BroadcastAsync(signed.Raw, None));
        var receipt = await chain.MinedAsync(signed.Hash);

        Assert.Equal(BigInteger.One, receipt.Status.Value);
        Assert.Equal(new BigInteger(40_000_000), await chain.Node.TokenBalanceAsync(chain.Usdt, seller, None));
        Assert.Equal(new BigInteger(60_000_000), await chain.Node.TokenBalanceAsync(chain.Usdt, hotAddress, None));
        Assert.True(signed.Fee.MaxCostWei >= receipt.GasUsed.Value * receipt.EffectiveGasPrice.Value, "the estimate bounds what was paid");

        // A restart after broadcasting sends the stored bytes again: same hash, nothing moves twice.
        var ethBefore = await chain.Node.EtherBalanceAsync(hotAddress, None);
        Assert.Equal(signed.Hash, await chain.Node.BroadcastAsync(signed.Raw, None));
        Assert.Equal(new BigInteger(40_000_000), await chain.Node.TokenBalanceAsync(chain.Usdt, seller, None));
        Assert.Equal(ethBefore, await chain.Node.EtherBalanceAsync(hotAddress, None));
        Assert.Equal(nonceBefore + 1, await chain.Node.PendingNonceAsync(hotAddress, None));
    }

    [Fact]
    public async Task Two_payouts_signed_before_either_is_sent_get_consecutive_nonces_and_both_are_mined()
    {
        var hotWallet = await chain.FundedKeyAsync(BigInteger.Pow(10, 18), chain.Usdt, 10_000_000);
        var seller = chain.DepositKeys.AddressAt(20);

        var first = await chain.Node.SignTokenTransferAsync(hotWallet, chain.Usdt, seller, 1_000_000, None);
        var second = await chain.Node.SignTokenTransferAsync(hotWallet, chain.Usdt, seller, 2_000_000, None);
        Assert.Equal(first.Nonce + 1, second.Nonce);

        await chain.Node.BroadcastAsync(first.Raw, None);
        await chain.Node.BroadcastAsync(second.Raw, None);

        Assert.Equal(BigInteger.One, (await chain.MinedAsync(first.Hash)).Status.Value);
        Assert.Equal(BigInteger.One, (await chain.MinedAsync(second.Hash)).Status.Value);
        Assert.Equal(new BigInteger(3_000_000), await chain.Node.TokenBalanceAsync(chain.Usdt, seller, None));
    }

    [Fact]
    public async Task The_fee_of_an_erc20_transfer_is_max_fee_per_gas_times_its_gas()
    {
        var fee = await chain.Node.EstimateTokenTransferFeeAsync(chain.FunderAddress, chain.Usdc, chain.DepositKeys.AddressAt(21), 1_000_000, None);

        Assert.InRange(fee.GasLimit, new BigInteger(30_000), new BigInteger(100_000));
        Assert.True(fee.MaxFeePerGas >= fee.MaxPriorityFeePerGas);
        Assert.Equal(fee.MaxFeePerGas * fee.GasLimit, fee.MaxCostWei);
    }
}
