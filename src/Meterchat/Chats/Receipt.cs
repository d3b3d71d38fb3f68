using Meterchat.Ledger;

namespace Meterchat.Chats;

/// <summary>
/// What a session cost, computed from its log alone (during a session it is the running total for the UI).
/// Amounts are µUSDT; the UI converts to tokens at the edge.
/// </summary>
public sealed record Receipt(
    ChatState State,
    EndReason? EndReason,
    ChatTerms Terms,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    TimeSpan LiveTime,
    long Units,
    Micros Charged,
    Micros Commission,
    Micros SellerShare,
    int Pauses,
    TimeSpan PausedTime,
    bool RequiresAutoRefund,
    Micros Refund)
{
    public static Receipt Of(ChatSession session, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        var totals = session.Terms.Split.Times(session.UnitsCharged);
        return new Receipt(
            session.State,
            session.EndReason,
            session.Terms,
            session.RequestedAt,
            session.StartedAt,
            session.EndedAt,
            session.LiveTime(now),
            session.UnitsCharged,
            totals.Price,
            totals.Platform,
            totals.Seller,
            session.Pauses,
            session.PausedTime(now),
            session.RequiresAutoRefund,
            session.RequiresAutoRefund ? totals.Price : Micros.Zero);
    }

    public static Receipt FromLog(IEnumerable<ChatEvent> log, Meter meter, IMediaEvidence media, DateTimeOffset now) =>
        Of(ChatSession.Replay(log, meter, media), now);
}
