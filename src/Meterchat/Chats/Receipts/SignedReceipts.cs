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
        try
        {
            return Build(row.Id, row.BuyerId, row.SellerId, row.ChainHead, stored, key, meters.Current, media);
        }
        catch (InvalidOperationException e)
        {
            log.LogError(e, "Session {SessionId}: no receipt signed", row.Id);
            throw;
        }
    }

    /// <summary>
    /// The signed receipt file of a session whose stored log is <paramref name="stored"/> (JSON as stored, in order).
    /// <paramref name="chainHead"/> is the head stored as the log was written (null for a log stored before chaining):
    /// a log that no longer ends there is never signed.
    /// </summary>
    public static ReceiptFile Build(
        Guid sessionId, string buyerId, string sellerId, string? chainHead, IReadOnlyList<string> stored, ReceiptKey key, Meter meter, IMediaEvidence media)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(key);
        var events = new List<ReceiptFileEvent>(stored.Count);
        var head = EventChain.Genesis;
        foreach (var json in stored)
        {
            head = EventChain.Next(head, json);
            events.Add(new ReceiptFileEvent(events.Count, json, head));
        }

        if (chainHead is not null && chainHead != head)
        {
            throw new InvalidOperationException($"The stored log of session {sessionId} does not match its chain head.");
        }

        var session = ChatSession.Replay(stored.Select(ChatJson.Deserialize), meter, media);
        var receipt = Receipt.Of(session, session.EndedAt ?? session.LastEventAt);
        var body = new ReceiptBody(
            sessionId,
            buyerId,
            sellerId,
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
            ChainedSinceStart: chainHead is not null);
        return new ReceiptFile(ReceiptFile.CurrentFormat, body, key.Public.KeyId, key.Sign(body.Canonical()), key.Public, events);
    }
}
