using Meterchat.Ledger;

namespace Meterchat.Withdrawals;

/// <summary>A withdrawal as the API shows it (never the signed bytes; the key never appears anywhere).</summary>
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
    DateTimeOffset? CompletedAt)
{
    public static WithdrawalView Of(Withdrawal w, WithdrawalsOptions o) => new(
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
        w.TxId is null ? null : string.Format(System.Globalization.CultureInfo.InvariantCulture, o.ExplorerTxUrl, w.TxId),
        w.ChainFeeSun,
        w.FailureReason,
        w.CreatedAt,
        w.CompletedAt);
}

/// <summary>What a request of this amount costs and delivers.</summary>
public sealed record WithdrawalQuote(MoneyJson Amount, MoneyJson PlatformFee, MoneyJson NetworkFee, MoneyJson Net, MoneyJson Minimum, bool NeedsReview);

public sealed record PayoutAddressView(long Id, string Address, string? Label, DateTimeOffset UsableAt, bool Usable);

public sealed record RejectBody(string? Reason);

public sealed record AddressBody(string Address, string? Label, string? Password = null, string? TwoFactorCode = null);
