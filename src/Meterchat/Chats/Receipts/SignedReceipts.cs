using Meterchat.Chats.Relay;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Chats.Receipts;

/// <summary>
/// Builds a session's signed receipt file: from its stored log while the log exists (the chain recomputed from the
/// stored JSON and checked against the session's head), else the file kept when the log was purged.
/// </summary>
public sealed class SignedReceipts(IServiceScopeFactory scopes, ReceiptKey key, MeterSource meters, IMediaEvidence media, ILogger<SignedReceipts> log)
{
    private static readonly ChatState[] Over = [ChatState.Ended, ChatState.Declined, ChatState.Expired, ChatState.Failed];

    public static bool IsOver(ChatSessionRow row) => Over.Contains(row.State);

    /// <summary>The receipt file of an ended session, or null when there is no such session, it is not over, or it has no log.</summary>
    public async Task<ReceiptFile?> ForAsync(ChatSessionRow row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.SignedReceiptJson is { } kept)
        {
            return ReceiptFile.TryParse(kept, out _);
        }

        if (!IsOver(row))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.Set<ChatEventRow>().AsNoTracking().Where(e => e.SessionId == row.Id)
            .OrderBy(e => e.Seq).Select(e => e.Json).ToListAsync(ct);
        return stored.Count == 0 ? null : Sign(row, stored);
    }

    /// <summary>Signs the receipt of <paramref name="row"/>'s session from its stored events (JSON as stored, in order).</summary>
    public ReceiptFile Sign(ChatSessionRow row, IReadOnlyList<string> stored)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(stored);
        var events = new List<ReceiptFileEvent>(stored.Count);
        var head = EventChain.Genesis;
        foreach (var json in stored)
        {
            head = EventChain.Next(head, json);
            events.Add(new ReceiptFileEvent(events.Count, json, head));
        }

        if (row.ChainHead is { } storedHead && storedHead != head)
        {
            // The log no longer matches what was chained as it was written: never sign it.
            log.LogError("Session {SessionId}: the stored log does not match its chain head", row.Id);
            throw new InvalidOperationException($"The stored log of session {row.Id} does not match its chain head.");
        }

        var session = ChatSession.Replay(stored.Select(ChatJson.Deserialize), meters.Current, media);
        var end = session.EndedAt ?? session.LastEventAt;
        var receipt = Receipt.Of(session, end);
        var body = new ReceiptBody(
            row.Id,
            row.BuyerId,
            row.SellerId,
            media is RelayMediaEvidence ? nameof(EvidenceSource.Relay) : nameof(EvidenceSource.Client),
            receipt.State.ToString(),
            receipt.EndReason?.ToString(),
            receipt.Terms.Rate.TokensPerMinute,
            receipt.Terms.CommissionBasisPoints,
            receipt.Terms.SpendingLimit?.Value,
            receipt.RequestedAt,
            receipt.StartedAt,
            receipt.EndedAt,
            (long)receipt.LiveTime.TotalMilliseconds,
            receipt.Units,
            receipt.Charged.Value,
            receipt.Commission.Value,
            receipt.SellerShare.Value,
            receipt.Refund.Value,
            events.Count,
            head,
            ChainedSinceStart: row.ChainHead is not null);
        return new ReceiptFile(ReceiptFile.CurrentFormat, body, key.Public.KeyId, key.Sign(body.Canonical()), key.Public, events);
    }
}
