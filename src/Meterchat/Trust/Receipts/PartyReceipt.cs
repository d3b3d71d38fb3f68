using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Ledger;
using Meterchat.Trust.Tips;

namespace Meterchat.Trust.Receipts;

/// <summary>
/// A receipt as one party reads it (the page and <c>GET /api/chats/{id}/receipt</c>): the stored figures, the other
/// party's name, a sentence for why it ended and one for what became of the money, amounts in µUSDT plus tokens and USDT.
/// </summary>
public sealed record PartyReceipt(
    Guid SessionId,
    string Role,
    string OtherParty,
    string State,
    string? EndReason,
    string EndedBecause,
    string Outcome,
    int RateTokensPerMinute,
    int CommissionBasisPoints,
    string CommissionPercent,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    double LiveSeconds,
    string LiveTime,
    long Units,
    long ChargedMicros,
    long SellerShareMicros,
    string TokensCharged,
    MoneyJson Charged,
    MoneyJson Commission,
    MoneyJson SellerShare,
    int Tips,
    MoneyJson TipsPaid,
    MoneyJson TipsToSeller,
    int Pauses,
    double PausedSeconds,
    bool Refunded,
    MoneyJson Refund)
{
    public static PartyReceipt Of(ReceiptView r, Party viewer, string otherParty, SessionTips tips)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(tips);
        var charged = new Micros(r.ChargedMicros);
        var seller = new Micros(r.SellerShareMicros);
        var refund = new Micros(r.RefundMicros);
        var state = Enum.Parse<ChatState>(r.State);
        Chats.EndReason? reason = r.EndReason is null ? null : Enum.Parse<Chats.EndReason>(r.EndReason);
        return new PartyReceipt(
            r.SessionId,
            viewer.ToString(),
            otherParty,
            r.State,
            r.EndReason,
            ReceiptWords.Ended(state, reason, viewer, otherParty),
            ReceiptWords.Outcome(viewer, r.Units, charged, seller, refund),
            r.RateTokensPerMinute,
            r.CommissionBasisPoints,
            ReceiptWords.Percent(r.CommissionBasisPoints),
            r.RequestedAt,
            r.StartedAt,
            r.EndedAt,
            r.LiveSeconds,
            ReceiptWords.Duration(TimeSpan.FromSeconds(r.LiveSeconds)),
            r.Units,
            r.ChargedMicros,
            r.SellerShareMicros,
            r.TokensCharged,
            MoneyJson.Of(charged),
            MoneyJson.Of(new Micros(r.CommissionMicros)),
            MoneyJson.Of(seller),
            tips.Count,
            MoneyJson.Of(tips.Paid),
            MoneyJson.Of(tips.ToSeller),
            r.Pauses,
            r.PausedSeconds,
            refund.IsPositive,
            MoneyJson.Of(refund));
    }
}
