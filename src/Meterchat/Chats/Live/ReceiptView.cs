using Meterchat.Ledger;

namespace Meterchat.Chats.Live;

/// <summary>A receipt as the page and the API show it: µUSDT amounts plus tokens for people.</summary>
public sealed record ReceiptView(
    Guid SessionId,
    string State,
    string? EndReason,
    int RateTokensPerMinute,
    int CommissionBasisPoints,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    double LiveSeconds,
    long Units,
    long ChargedMicros,
    long CommissionMicros,
    long SellerShareMicros,
    string TokensCharged,
    string CommissionTokens,
    string SellerShareTokens,
    int Pauses,
    double PausedSeconds,
    long RefundMicros)
{
    public static ReceiptView Of(Guid sessionId, Receipt r) => new(
        sessionId,
        r.State.ToString(),
        r.EndReason?.ToString(),
        r.Terms.Rate.TokensPerMinute,
        r.Terms.CommissionBasisPoints,
        r.RequestedAt,
        r.StartedAt,
        r.EndedAt,
        r.LiveTime.TotalSeconds,
        r.Units,
        r.Charged.Value,
        r.Commission.Value,
        r.SellerShare.Value,
        r.Charged.ToTokensString(),
        r.Commission.ToTokensString(),
        r.SellerShare.ToTokensString(),
        r.Pauses,
        r.PausedTime.TotalSeconds,
        r.Refund.Value);

    public Micros Charged => new(ChargedMicros);
}
