using Meterchat.Ledger;

namespace Meterchat.Withdrawals.Ethereum;

/// <summary>
/// The payout half of <c>Ethereum:*</c>: the minimum, the margin on the estimated network fee and
/// the explorer link (the hot wallet is <c>Meterchat.Ethereum.EthereumHotWalletOptions</c>, shared with sweeps). Bound to the same section as the node's options (<c>Meterchat.Ethereum.EthereumOptions</c>).
/// </summary>
public sealed class EthereumPayoutOptions
{
    public const string Section = "Ethereum";

    /// <summary>The smallest Ethereum withdrawal, USDT (gross): a transfer costs gas, so it is higher than TRON's.</summary>
    public string PayoutMinimum { get; set; } = "20";

    /// <summary>Added to the estimated network fee (max fee per gas × gas at the ETH price), percent: the gas price moves
    /// between the quote and the signature.</summary>
    public int PayoutFeeMarginPercent { get; set; } = 20;

    /// <summary>Gas of one ERC-20 transfer when the node cannot estimate it (the hot wallet lacks the token right now).</summary>
    public long PayoutGasLimit { get; set; } = 100_000;

    /// <summary>A transaction page, {0} = the 0x hash.</summary>
    public string ExplorerTransactionUrl { get; set; } = "https://etherscan.io/tx/{0}";

    public Micros PayoutMinimumMicros => Micros.ParseUsdt(PayoutMinimum);
}
