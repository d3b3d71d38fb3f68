namespace Meterchat.Tron.Node;

/// <summary>
/// The answer of <c>/wallet/broadcasthex</c>. <see cref="Code"/> is SUCCESS or the node's error code
/// (SIGERROR, TAPOS_ERROR, TRANSACTION_EXPIRATION_ERROR, CONTRACT_VALIDATE_ERROR, DUP_TRANSACTION_ERROR…);
/// <see cref="Message"/> is the reason, hex-decoded.
/// </summary>
public sealed record BroadcastResult(bool Result, string Code, string? Message, string? TxId)
{
    public const string DuplicateCode = "DUP_TRANSACTION_ERROR";

    /// <summary>The node already has this transaction: a rebroadcast of the same bytes, not an error.</summary>
    public bool IsDuplicate => string.Equals(Code, DuplicateCode, StringComparison.Ordinal);
}
