using Meterchat.Cluster;
using Meterchat.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Chats.Ownership;

/// <summary>
/// The session leases (which node drives a session's clock) in hand-written SQL valid on SQLite and PostgreSQL (same
/// code path; SQLite has one writer, so it simply never meets a competing node). Expiry is in unix milliseconds from
/// the injected clock. Worker leases are the cluster's own (<see cref="WorkerLeaseStore"/>).
/// </summary>
public sealed class LeaseStore(IServiceScopeFactory scopes, ClusterNode node, TimeProvider time, IOptions<ClusterOptions> options)
{
    private const string ClaimSession = """
        INSERT INTO "SessionLeases" ("SessionId", "NodeId", "ExpiresAt", "Token") VALUES (@key, @node, @expires, 1)
        ON CONFLICT ("SessionId") DO UPDATE SET "NodeId" = excluded."NodeId", "ExpiresAt" = excluded."ExpiresAt", "Token" = "SessionLeases"."Token" + 1
        WHERE "SessionLeases"."ExpiresAt" < @now OR "SessionLeases"."NodeId" = excluded."NodeId"
        RETURNING "Token"
        """;

    public string NodeId => node.Id;

    /// <summary>Claims a session if its lease is free, expired or already ours; null when another node holds it.</summary>
    public async Task<HeldLease?> ClaimSessionAsync(Guid sessionId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var token = await LeaseSql.ScalarAsync(db, ClaimSession, [("key", Key(sessionId, db.Database.IsSqlite())), ("node", node.Id), ("expires", Expiry()), ("now", Now())], ct);
        return token is { } t ? new HeldLease(sessionId, t) : null;
    }

    /// <summary>The node holding a session's lease (live or expired), or null when nobody ever claimed it.</summary>
    public async Task<(string NodeId, bool Live)?> OwnerAsync(Guid sessionId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var lease = await db.Set<SessionLease>().AsNoTracking().SingleOrDefaultAsync(l => l.SessionId == sessionId, ct);
        return lease is null ? null : (lease.NodeId, lease.ExpiresAt >= Now());
    }

    /// <summary>Extends every session lease this node holds, in one statement; returns them (a lease not returned is lost).</summary>
    public async Task<IReadOnlyList<HeldLease>> RenewSessionsAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await QueryAsync(db, """
            UPDATE "SessionLeases" SET "ExpiresAt" = @expires WHERE "NodeId" = @node RETURNING "SessionId", "Token"
            """, [("node", node.Id), ("expires", Expiry())], ct);
    }

    /// <summary>
    /// Takes over expired session leases (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>, so nodes scanning at once split
    /// them) and leases for open sessions nobody claimed yet.
    /// </summary>
    public async Task<IReadOnlyList<HeldLease>> ClaimExpiredSessionsAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var skipLocked = db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "";
        var max = options.Value.TakeOverBatch;
        var expired = await QueryAsync(db, $"""
            UPDATE "SessionLeases" SET "NodeId" = @node, "ExpiresAt" = @expires, "Token" = "Token" + 1
            WHERE "SessionId" IN (SELECT "SessionId" FROM "SessionLeases" WHERE "ExpiresAt" < @now ORDER BY "ExpiresAt" LIMIT {max} {skipLocked})
            RETURNING "SessionId", "Token"
            """, [("node", node.Id), ("expires", Expiry()), ("now", Now())], ct);

        // Accepted, Connecting, Live, Paused: open sessions nobody claimed (e.g. accepted before any node drove them).
        var unclaimed = await QueryAsync(db, $"""
            INSERT INTO "SessionLeases" ("SessionId", "NodeId", "ExpiresAt", "Token")
            SELECT c."Id", @node, @expires, 1 FROM "ChatSessions" c
            WHERE c."State" IN (1, 2, 3, 4) AND NOT EXISTS (SELECT 1 FROM "SessionLeases" l WHERE l."SessionId" = c."Id")
            LIMIT {max}
            ON CONFLICT ("SessionId") DO NOTHING
            RETURNING "SessionId", "Token"
            """, [("node", node.Id), ("expires", Expiry())], ct);
        return [.. expired, .. unclaimed];
    }

    /// <summary>Gives a session's lease back (its session ended or this node stops).</summary>
    public async Task ReleaseSessionsAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct = default)
    {
        if (sessionIds.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var ids in sessionIds.Chunk(1000))
        {
            await db.Set<SessionLease>().Where(l => l.NodeId == node.Id && ids.Contains(l.SessionId)).ExecuteDeleteAsync(ct);
        }
    }

    /// <summary>Lets these session leases expire now (kept rows, growing tokens): the next scan takes them over.</summary>
    public async Task ExpireSessionsAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct = default)
    {
        if (sessionIds.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var ids in sessionIds.Chunk(1000))
        {
            await db.Set<SessionLease>().Where(l => l.NodeId == node.Id && ids.Contains(l.SessionId)).ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresAt, 0L), ct);
        }
    }

    /// <summary>
    /// A clean stop: every session lease of this node expires now, so other nodes take over at their next pass instead of
    /// waiting out the lease. The rows stay (tokens keep growing): the successor's claim is a take-over, with
    /// ServerRecovered, never a fresh start that would bill the gap.
    /// </summary>
    public async Task ExpireAllAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Set<SessionLease>().Where(l => l.NodeId == node.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresAt, 0L), ct);
    }


    /// <summary>
    /// The fence, inside the caller's transaction: which of these (session, token) pairs this node no longer holds.
    /// The no-op UPDATE locks the lease rows until the caller commits, so a node claiming one of them meanwhile waits
    /// and then reloads a log that includes this write.
    /// </summary>
    public static async Task<HashSet<Guid>> FencedOutAsync(AppDbContext db, string nodeId, IReadOnlyCollection<(Guid SessionId, long Token)> fences, CancellationToken ct)
    {
        var lost = fences.Select(f => f.SessionId).ToHashSet();
        if (fences.Count == 0)
        {
            return lost;
        }

        // In chunks: SQLite allows 32,766 bound variables per statement.
        var sqlite = db.Database.IsSqlite();
        var tokens = fences.ToDictionary(f => f.SessionId, f => f.Token);
        foreach (var chunk in fences.Chunk(1000))
        {
            var names = chunk.Select((_, i) => $"@s{i}").ToList();
            var parameters = chunk.Select((f, i) => ($"s{i}", Key(f.SessionId, sqlite))).Append(("node", (object)nodeId)).ToList();
            var held = await QueryAsync(db, $"""
                UPDATE "SessionLeases" SET "Token" = "Token" WHERE "NodeId" = @node AND "SessionId" IN ({string.Join(", ", names)}) RETURNING "SessionId", "Token"
                """, parameters, ct);
            foreach (var lease in held)
            {
                if (tokens[lease.SessionId] == lease.Token)
                {
                    lost.Remove(lease.SessionId);
                }
            }
        }

        return lost;
    }


    private static async Task<List<HeldLease>> QueryAsync(AppDbContext db, string sql, IEnumerable<(string Name, object Value)> parameters, CancellationToken ct)
    {
        await using var command = await LeaseSql.CommandAsync(db, sql, parameters, ct);
        var leases = new List<HeldLease>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            leases.Add(new HeldLease(reader.GetGuid(0), reader.GetInt64(1)));
        }

        return leases;
    }

    // EF stores a Guid on SQLite as upper-case text; PostgreSQL has uuid.
    private static object Key(Guid id, bool sqlite) => sqlite ? id.ToString().ToUpperInvariant() : id;


    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private long Expiry() => (time.GetUtcNow() + options.Value.Lease).ToUnixTimeMilliseconds();
}
