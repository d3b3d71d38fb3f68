using Meterchat.Ledger;
using Meterchat.Withdrawals.Ethereum;

namespace Meterchat.Withdrawals;

/// <summary>
/// A withdrawal as the API shows it (never the signed bytes; the key never appears anywhere). The real chain cost is
/// <see cref="ChainCost"/>, labelled by network (TRX for TRON, ETH/gwei for Ethereum); <see cref="ChainFeeSun"/> is
/// TRON's alone (null for an Ethereum payout, whose cost is in wei).
/// </summary>
public sealed record WithdrawalView(
    long Id,
    string Status,
    MoneyJson Amount,
    MoneyJson PlatformFee,
    MoneyJson NetworkFee,
    MoneyJson Net,
    string ToAddress,
    string? ReviewReason,
    string? RejectReason,
    string? TxId,
    string? ExplorerUrl,
    long? ChainFeeSun,
    string? Note,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    string Network,
    string Asset,
    PayoutChainCost? ChainCost)
{
    private static readonly EthereumPayoutOptions EthereumDefaults = new();

    /// <param name="ethereum">For an Ethereum payout's explorer link (<c>Ethereum:ExplorerTransactionUrl</c>); the default when not given.</param>
    public static WithdrawalView Of(Withdrawal w, WithdrawalsOptions o, EthereumPayoutOptions? ethereum = null) => new(
        w.Id,
        w.Status.ToString(),
        MoneyJson.Of(new Micros(w.Amount)),
        MoneyJson.Of(new Micros(w.PlatformFee)),
        MoneyJson.Of(new Micros(w.NetworkFee)),
        MoneyJson.Of(new Micros(w.Net)),
        w.ToAddress,
        w.ReviewReason,
        w.RejectReason,
        w.TxId,
        w.TxId is null ? null : string.Format(System.Globalization.CultureInfo.InvariantCulture,
            w.Network == PayoutNetwork.Ethereum ? (ethereum ?? EthereumDefaults).ExplorerTransactionUrl : o.ExplorerTxUrl, w.TxId),
        w.Network == PayoutNetwork.Tron ? w.ChainFeeSun : null,
        w.FailureReason,
        w.CreatedAt,
        w.CompletedAt,
        w.Network == PayoutNetwork.Ethereum ? "ethereum" : "tron",
        w.Asset,
        PayoutChainCost.Of(w));
}

/// <summary>What a request of this amount costs and delivers on this network (Ethereum's network fee is estimated now).</summary>
public sealed record WithdrawalQuote(MoneyJson Amount, MoneyJson PlatformFee, MoneyJson NetworkFee, MoneyJson Net, MoneyJson Minimum, bool NeedsReview,
    string Network = "tron", string Asset = "USDT");

public sealed record PayoutAddressView(long Id, string Address, string? Label, DateTimeOffset UsableAt, bool Usable);

public sealed record RejectBody(string? Reason);

public sealed record AddressBody(string Address, string? Label, string? Password = null, string? TwoFactorCode = null);
