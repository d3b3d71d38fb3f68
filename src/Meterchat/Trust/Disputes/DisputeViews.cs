using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Ledger;

namespace Meterchat.Trust.Disputes;

/// <summary>What a party opens a dispute with.</summary>
public sealed record OpenDisputeInput(DisputeReason? Reason, string? Text);

/// <summary>The admin's decision: FullRefund, PartialRefund (with an amount in USDT or tokens) or Reject; a note is required.</summary>
public sealed record DecideDisputeInput(DisputeOutcome? Outcome, string? Amount, string? Unit, string? Note);

/// <summary>A dispute as both parties and the admin see it.</summary>
public sealed record DisputeView(
    long Id,
    Guid SessionId,
    string OpenedBy,
    string Reason,
    string Text,
    DateTimeOffset OpenedAt,
    string Status,
    string? Outcome,
    string? Note,
    DateTimeOffset? DecidedAt,
    MoneyJson Refund,
    MoneyJson FromSeller,
    MoneyJson FromPlatform,
    MoneyJson FromLosses,
    bool? BuyerReceiptMatches = null,
    string? BuyerReceiptCheck = null)
{
    public static DisputeView Of(Dispute d) => new(
        d.Id,
        d.SessionId,
        d.OpenedBy.ToString(),
        d.Reason.ToString(),
        d.Text,
        d.OpenedAt,
        StatusOf(d),
        d.Outcome?.ToString(),
        d.Note,
        d.DecidedAt,
        MoneyJson.Of(new Micros(d.RefundMicros)),
        MoneyJson.Of(new Micros(d.FromSellerMicros)),
        MoneyJson.Of(new Micros(d.FromPlatformMicros)),
        MoneyJson.Of(new Micros(d.FromLossesMicros)),
        d.BuyerReceiptMatches,
        d.BuyerReceiptCheck);

    /// <summary>"Open", "Refunded", "Partially refunded" or "Rejected".</summary>
    public static string StatusOf(Dispute d) => d.Outcome switch
    {
        null => "Open",
        DisputeOutcome.FullRefund => "Refunded",
        DisputeOutcome.PartialRefund => "Partially refunded",
        _ => "Rejected",
    };
}

/// <summary>The admin's view: the dispute, the session's receipt and its event log side by side, and what is refundable.</summary>
public sealed record DisputeDetail(DisputeView Dispute, ReceiptView Receipt, IReadOnlyList<LogLine> Log, MoneyJson AlreadyRefunded, MoneyJson Refundable);

/// <summary>One event of the session's log, for people: when, what, and its fields.</summary>
public sealed record LogLine(int Seq, DateTimeOffset At, string Event, string Detail)
{
    public static IReadOnlyList<LogLine> Of(ChatSession session) =>
        session.Events.Select((e, i) => new LogLine(i + 1, e.At, e.GetType().Name, Describe(e))).ToList();

    private static string Describe(ChatEvent e)
    {
        // Records print as "Name { At = ..., Party = Buyer }": keep the fields, drop the name and the timestamp.
        var text = e.ToString();
        var open = text.IndexOf('{', StringComparison.Ordinal);
        var body = open < 0 ? string.Empty : text[(open + 1)..].TrimEnd('}', ' ').Trim();
        var fields = body.Split(", ", StringSplitOptions.RemoveEmptyEntries).Where(f => !f.StartsWith("At = ", StringComparison.Ordinal));
        return string.Join(", ", fields);
    }
}
