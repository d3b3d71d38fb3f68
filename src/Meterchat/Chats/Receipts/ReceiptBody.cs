using System.Text.Json;

namespace Meterchat.Chats.Receipts;

/// <summary>
/// What the server signs for an ended session (docs/receipts.md): the parties, the frozen terms, the bill, and the
/// head of the event log's hash chain. The signed bytes are <see cref="Canonical"/>: this record as compact JSON with
/// System.Text.Json's web defaults, properties in the order declared here. Amounts are µUSDT.
/// </summary>
public sealed record ReceiptBody(
    Guid SessionId,
    string BuyerId,
    string SellerId,
    string Evidence,
    string State,
    string? EndReason,
    int RateTokensPerMinute,
    int CommissionBasisPoints,
    long? SpendingLimitMicros,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    long LiveMilliseconds,
    long Units,
    long ChargedMicros,
    long CommissionMicros,
    long SellerShareMicros,
    long RefundMicros,
    int EventCount,
    string ChainHead,
    bool ChainedSinceStart)
{
    public byte[] Canonical() => JsonSerializer.SerializeToUtf8Bytes(this, JsonSerializerOptions.Web);
}
