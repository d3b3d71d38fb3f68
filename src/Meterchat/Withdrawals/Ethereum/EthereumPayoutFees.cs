using System.Numerics;
using System.Security.Cryptography;
using Meterchat.Ethereum;
using Meterchat.Ethereum.Prices;
using Meterchat.Ledger;
using Meterchat.Web;
using Microsoft.Extensions.Options;
using Nethereum.JsonRpc.Client;

namespace Meterchat.Withdrawals.Ethereum;

/// <summary>
/// Whether an Ethereum payout of an asset is possible here, and its network fee in µUSDT: the node's EIP-1559 max
/// fee per gas × the gas of an ERC-20 transfer from the hot wallet, valued at the ETH price (rounded down by
/// <see cref="EtherPrice.MicrosFor"/>), plus <see cref="EthereumPayoutOptions.PayoutFeeMarginPercent"/>, rounded up to the cent.
/// </summary>
public sealed class EthereumPayoutFees(
    EthereumNode node,
    IOptions<EthereumOptions> ethereum,
    IOptions<EthereumPayoutOptions> options,
    EthereumHotWallet wallet,
    IPriceSource prices)
{
    private const long Cent = 10_000;

    /// <summary>The token contract of <paramref name="asset"/>, or a network-off problem (no node, no hot wallet, token not configured).</summary>
    public (EthereumAddress? Token, Problem? Error) TokenOf(string asset)
    {
        if (!ethereum.Value.Enabled || !wallet.CanSign)
        {
            return (null, Off("Ethereum payouts are not enabled on this server (no node or no hot wallet). Choose USDT on TRON."));
        }

        var token = ethereum.Value.Tokens.FirstOrDefault(t => t.Symbol.Equals(asset, StringComparison.OrdinalIgnoreCase));
        return token is null
            ? (null, Off($"{asset} on Ethereum is not enabled on this server. Choose another asset."))
            : (EthereumAddress.Parse(token.Contract), null);
    }

    /// <summary>True for a configured token's contract: tokens sent to it are lost.</summary>
    public bool IsTokenContract(EthereumAddress address) =>
        ethereum.Value.Tokens.Any(t => EthereumAddress.TryParse(t.Contract, out var c) && c == address);

    /// <summary>True for the Ethereum hot wallet (a payout to itself would pay nobody).</summary>
    public bool IsHotWallet(EthereumAddress address) => wallet.Address == address;

    /// <summary>The fee a payout of <paramref name="asset"/> to <paramref name="to"/> (or a typical address) is charged now.</summary>
    public async Task<(Micros Fee, Problem? Error)> NetworkFeeAsync(string asset, EthereumAddress? to, CancellationToken ct)
    {
        var (token, off) = TokenOf(asset);
        if (off is not null)
        {
            return (Micros.Zero, off);
        }

        try
        {
            // Without a recipient, a never-used address: a first transfer to an address costs the most gas.
            var fee = await EstimateAsync(token!, to ?? EthereumAddress.Parse("0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20))), ct);
            var price = await prices.EtherPriceAsync(ct);
            return (WithMargin(price.MicrosFor(fee.MaxCostWei), options.Value.PayoutFeeMarginPercent), null);
        }
        catch (Exception e) when (e is PriceUnavailableException or RpcClientUnknownException or RpcClientTimeoutException or RpcResponseException or HttpRequestException or TaskCanceledException)
        {
            return (Micros.Zero, WithdrawalProblems.Of(WithdrawalProblems.FeeUnavailable, 503, "Network fee unavailable",
                "The Ethereum network fee cannot be estimated right now (node or price unavailable). Try again in a minute, or choose USDT on TRON."));
        }
    }

    /// <summary>The fee plus the margin, rounded up to the cent (integer arithmetic).</summary>
    public static Micros WithMargin(Micros fee, int marginPercent)
    {
        var withMargin = (fee.Value * (100L + marginPercent) + 99) / 100;
        return new Micros((withMargin + Cent - 1) / Cent * Cent);
    }

    /// <summary>
    /// The node's estimate of a 1-unit transfer (the gas of a transfer hardly depends on the amount); when the hot
    /// wallet holds none of the token the node cannot estimate, so the configured gas limit prices it.
    /// </summary>
    private async Task<EthereumFee> EstimateAsync(EthereumAddress token, EthereumAddress to, CancellationToken ct)
    {
        try
        {
            return await node.EstimateTokenTransferFeeAsync(wallet.Address!, token, to, BigInteger.One, ct);
        }
        catch (RpcResponseException)
        {
            var plain = await node.EstimateFeeAsync(wallet.Address!, wallet.Address, BigInteger.Zero, null, ct);
            return plain with { GasLimit = options.Value.PayoutGasLimit };
        }
    }

    private static Problem Off(string detail) => WithdrawalProblems.Of(WithdrawalProblems.NetworkOff, 409, "Network not available", detail);
}
