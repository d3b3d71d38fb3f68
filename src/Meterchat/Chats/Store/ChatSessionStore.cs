using System.Data.Common;
using Meterchat.Chats.Receipts;
using Meterchat.Chats.Ownership;
using Meterchat.Cluster;
using Meterchat.Data;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Chats.Store;

/// <inheritdoc />
internal sealed class ChatSessionStore(IServiceScopeFactory scopes, MeterSource meters, IMediaEvidence media, ClusterNode node, TimeProvider time) : IChatSessions
{
    /// <summary>Ids per IN list: SQLite allows 32,766 bound variables per statement, PostgreSQL 65,535.</summary>
    internal const int IdsPerQuery = 1000;

    public async Task<Guid> RequestAsync(string buyerId, string sellerId, ChatTerms terms, CancellationToken ct = default)
    {
        var requested = new ChatRequested(time.GetUtcNow(), terms);
        var session = ChatSession.Request(requested, meters.Current, media);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = new ChatSessionRow
        {
            Id = Guid.CreateVersion7(requested.At),
            BuyerId = buyerId,
            SellerId = sellerId,
            RateTokensPerMinute = terms.Rate.TokensPerMinute,
            CommissionBasisPoints = terms.CommissionBasisPoints,
            SpendingLimit = terms.SpendingLimit?.Value,
            CreatedAt = requested.At,
        };
        Summarise(row, session);
        db.Add(row);
        row.ChainHead = EventChain.Genesis;
        db.Add(Chained(row, 0, session.Events[0]));
        await db.SaveChangesAsync(ct);
        return row.Id;
    }

    public async Task<ChatSession?> LoadAsync(Guid sessionId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<ChatEventRow>().AnyAsync(r => r.SessionId == sessionId, ct) ? await ReplayAsync(db, sessionId, ct) : null;
    }

    public async Task<ChatSessionRow?> FindAsync(Guid sessionId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<ChatSessionRow>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
    }

    public async Task<IReadOnlyList<Guid>> AppendAsync(IReadOnlyList<ChatAppend> appends, CancellationToken ct = default)
    {
        if (appends.Count == 0)
        {
            return [];
        }

        // First with the rows the callers know (no read); if one of them was stale, again reading every row, which also
        // tells exactly which sessions conflict. Null: the write lost a race, nothing is stored, reload them all.
        var (conflicts, trusted) = await TryAppendAsync(appends, trustHeads: true, ct);
        if (conflicts is null && trusted)
        {
            (conflicts, _) = await TryAppendAsync(appends, trustHeads: false, ct);
        }

        return conflicts ?? appends.Select(a => a.SessionId).ToList();
    }

    private async Task<(IReadOnlyList<Guid>? Conflicts, bool Trusted)> TryAppendAsync(IReadOnlyList<ChatAppend> appends, bool trustHeads, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // The rows as remembered (trusted), the others read below.
        var rows = new Dictionary<Guid, ChatSessionRow>(appends.Count);
        var unknown = new List<Guid>(appends.Count);
        var fences = new List<(Guid, long)>();
        foreach (var append in appends)
        {
            if (trustHeads && append.Head is { } head && head.Covers(append.StoredCount))
            {
                rows[append.SessionId] = head.ToRow(append.SessionId);
            }
            else
            {
                unknown.Add(append.SessionId);
            }

            if (append.Fence is { } fence)
            {
                fences.Add((append.SessionId, fence));
            }
        }

        await using var tx = fences.Count > 0 ? await db.Database.BeginTransactionAsync(ct) : null;
        var fencedOut = await LeaseStore.FencedOutAsync(db, node.Id, fences, ct);

        var trusted = rows.Count > 0;
        // One bound parameter (a JSON or array parameter) whatever the number of sessions; read untracked, written set-based.
        if (unknown.Count > 0)
        {
            await foreach (var read in db.Set<ChatSessionRow>().AsNoTracking().Where(r => EF.Parameter(unknown).Contains(r.Id)).AsAsyncEnumerable().WithCancellation(ct))
            {
                rows[read.Id] = read;
            }
        }

        var conflicts = new List<Guid>();
        var written = new List<(ChatAppend Append, ChatSessionRow Row)>(appends.Count);
        var events = new List<ChatEventRow>(appends.Count);
        foreach (var append in appends)
        {
            var row = rows.GetValueOrDefault(append.SessionId);
            if (fencedOut.Contains(append.SessionId) || row is null || row.EventCount != append.StoredCount)
            {
                conflicts.Add(append.SessionId);
                continue;
            }

            var log = append.Session.Events;
            for (var seq = append.StoredCount; seq < log.Count; seq++)
            {
                events.Add(Chained(row, seq, log[seq]));
            }

            Summarise(row, append.Session);
            written.Add((append, row));
        }

        if (written.Count == 0)
        {
            return (conflicts, trusted);
        }

        await using var write = tx is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (!await ChatAppendWriter.WriteAsync(db, events, written.ConvertAll(w => w.Row), ct))
            {
                // A row moved on since it was read (or last written here): another writer slipped in.
                return (null, trusted);
            }

            await (tx ?? write)!.CommitAsync(ct);
        }
        catch (DbException e) when (IsConflict(e))
        {
            // The same race seen by the unique (session, seq) index.
            return (null, trusted);
        }

        foreach (var (append, row) in written)
        {
            append.Head?.Set(row);
        }

        return (conflicts, trusted);
    }

    /// <summary>A unique-index violation: another writer stored an event at the same position first.</summary>
    private static bool IsConflict(DbException e) =>
        e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };

    public async Task<IReadOnlyList<(ChatSessionRow Row, ChatSession Session)>> LoadManyAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct = default)
    {
        var result = new List<(ChatSessionRow, ChatSession)>(sessionIds.Count);
        foreach (var chunk in sessionIds.Chunk(IdsPerQuery))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rows = await db.Set<ChatSessionRow>().AsNoTracking().Where(r => chunk.Contains(r.Id)).ToListAsync(ct);
            var logs = (await db.Set<ChatEventRow>().AsNoTracking().Where(e => chunk.Contains(e.SessionId))
                .Select(e => new { e.SessionId, e.Seq, e.Json }).ToListAsync(ct))
                .ToLookup(e => e.SessionId);
            foreach (var row in rows)
            {
                var log = logs[row.Id].OrderBy(e => e.Seq).Select(e => ChatJson.Deserialize(e.Json));
                result.Add((row, ChatSession.Replay(log, meters.Current, media)));
            }
        }

        return result;
    }

    public async Task<IReadOnlyList<ChatSessionRow>> ListOpenAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        ChatState[] open = [ChatState.Accepted, ChatState.Connecting, ChatState.Live, ChatState.Paused];
        return await db.Set<ChatSessionRow>().AsNoTracking().Where(r => open.Contains(r.State)).ToListAsync(ct);
    }

    public async Task<int> CountRunningAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<ChatSessionRow>().CountAsync(r => r.State == ChatState.Live || r.State == ChatState.Paused, ct);
    }

    public async Task<IReadOnlyList<ChatSessionRow>> ListRefundCandidatesAsync(DateTimeOffset since, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Set<ChatSessionRow>().AsNoTracking()
            .Where(r => r.State == ChatState.Ended && (r.EndReason == Chats.EndReason.ConnectionLost || r.EndReason == Chats.EndReason.BillingFault) && r.UnitsCharged > 0)
            .ToListAsync(ct);

        // Filtered here: SQLite cannot compare DateTimeOffset in SQL.
        return rows.Where(r => r.EndedAt >= since).ToList();
    }

    public async Task<IReadOnlyList<ChatSessionRow>> ListForUserAsync(string userId, int limit, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Set<ChatSessionRow>().AsNoTracking()
            .Where(r => r.BuyerId == userId || r.SellerId == userId)
            .OrderByDescending(r => r.Id).Take(limit).ToListAsync(ct);
        return rows;
    }

    private async Task<ChatSession> ReplayAsync(AppDbContext db, Guid sessionId, CancellationToken ct)
    {
        var log = await db.Set<ChatEventRow>().AsNoTracking().Where(r => r.SessionId == sessionId)
            .OrderBy(r => r.Seq).Select(r => r.Json).ToListAsync(ct);
        return ChatSession.Replay(log.Select(ChatJson.Deserialize), meters.Current, media);
    }

    /// <summary>
    /// The stored form of event <paramref name="seq"/>, chained to the session's head, which moves on to it. A session
    /// stored before logs were chained has no head and stays unchained (docs/receipts.md).
    /// </summary>
    private static ChatEventRow Chained(ChatSessionRow row, int seq, ChatEvent e)
    {
        var json = ChatJson.Serialize(e);
        string? hash = null;
        if (row.ChainHead is { } previous)
        {
            hash = EventChain.Next(previous, json);
            row.ChainHead = hash;
        }

        return new ChatEventRow { SessionId = row.Id, Seq = seq, At = e.At, Json = json, Hash = hash };
    }

    private static void Summarise(ChatSessionRow row, ChatSession session)
    {
        row.State = session.State;
        row.EndReason = session.EndReason;
        row.EndedAt = session.EndedAt;
        row.UnitsCharged = session.UnitsCharged;
        row.EventCount = session.Events.Count;
        row.Version++;
    }
}
