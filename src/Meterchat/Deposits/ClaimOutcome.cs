namespace Meterchat.Deposits;

/// <summary>
/// The answer to a pasted TXID. <see cref="Type"/> is stable (API problem type or status type); <see cref="Detail"/>
/// is what the UI shows. <see cref="IsFailure"/> outcomes are problem details; the others are statuses.
/// </summary>
public sealed record ClaimOutcome(string Type, int StatusCode, string Detail, string? TxId = null)
{
    public const string MalformedType = "deposit/malformed-txid";
    public const string PendingUnknownType = "deposit/pending-unknown";
    public const string TooManyPendingType = "deposit/too-many-pending";
    public const string FailedType = "deposit/failed-transaction";
    public const string WrongTokenType = "deposit/wrong-token";
    public const string NotUsdtType = "deposit/not-a-usdt-transfer";
    public const string OtherAddressType = "deposit/other-address";
    public const string ZeroAmountType = "deposit/zero-amount";
    public const string AlreadyCreditedType = "deposit/already-credited";
    public const string ConfirmingType = "deposit/confirming";
    public const string BelowMinimumType = "deposit/below-minimum";
    public const string CreditedType = "deposit/credited";

    public bool IsFailure => StatusCode >= 400;

    /// <summary>"pending", "confirming", "below-minimum", "credited" or "refused".</summary>
    public string Status => Type switch
    {
        PendingUnknownType => "pending",
        ConfirmingType => "confirming",
        BelowMinimumType => "below-minimum",
        CreditedType => "credited",
        _ => "refused",
    };

    /// <summary>Confirming: blocks on top of the transaction's block, and how many make it final.</summary>
    public long? Confirmations { get; init; }

    public long? ConfirmationsRequired { get; init; }

    /// <summary>µUSDT paid to the claimant's address by this transaction.</summary>
    public long? AmountMicros { get; init; }

    /// <summary>True when this outcome can still change (pending or confirming): the page keeps polling.</summary>
    public bool IsOpen => Type is PendingUnknownType or ConfirmingType;
}
