using Meterchat.Chats;
using Meterchat.Chats.Live;

namespace Meterchat.Trust.Receipts;

/// <summary>
/// One chat in a person's history (<c>/chats</c> and <c>GET /api/chats</c>): the other party, what happened in words,
/// the tokens it cost, whether it was refunded, and the dispute's status if there is one.
/// </summary>
public sealed record HistoryLine(
    Guid Id,
    string Role,
    string OtherParty,
    string State,
    string? EndReason,
    string Summary,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    long UnitsCharged,
    int RateTokensPerMinute,
    long ChargedMicros,
    string Tokens,
    bool Refunded,
    string? Dispute)
{
    public bool IsOver => State is nameof(ChatState.Ended) or nameof(ChatState.Declined) or nameof(ChatState.Expired) or nameof(ChatState.Failed);
}
