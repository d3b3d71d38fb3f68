using Meterchat.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Cluster;

/// <summary>
/// The <c>WorkerLeases</c> table: which node runs a singleton worker. Expiry is in unix milliseconds from the
/// injected clock; a worker lease kept by its holder keeps its token, only a change of holder bumps it.
/// </summary>
public sealed class WorkerLeaseStore(IServiceScopeFactory scopes, ClusterNode node, TimeProvider time, IOptions<ClusterOptions> options)
{
    private const string ClaimWorker = """
        INSERT INTO "WorkerLeases" ("Name", "NodeId", "ExpiresAt", "Token") VALUES (@key, @node, @expires, 1)
        ON CONFLICT ("Name") DO UPDATE SET "NodeId" = excluded."NodeId", "ExpiresAt" = excluded."ExpiresAt",
            "Token" = CASE WHEN "WorkerLeases"."NodeId" = excluded."NodeId" THEN "WorkerLeases"."Token" ELSE "WorkerLeases"."Token" + 1 END
        WHERE "WorkerLeases"."ExpiresAt" < @now OR "WorkerLeases"."NodeId" = excluded."NodeId"
        RETURNING "Token"
        """;

    /// <summary>Claims or renews a worker's lease; the token when this node holds it, null when another node does.</summary>
    public async Task<long?> HoldWorkerAsync(string name, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow();
        return await LeaseSql.ScalarAsync(db, ClaimWorker, [
            ("key", name), ("node", node.Id), ("expires", (now + options.Value.Lease).ToUnixTimeMilliseconds()), ("now", now.ToUnixTimeMilliseconds())], ct);
    }

    /// <summary>Lets a worker's lease go (a clean stop), so another node takes it at once; the row stays, so tokens keep growing.</summary>
    public async Task ReleaseWorkerAsync(string name, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Set<WorkerLease>().Where(l => l.Name == name && l.NodeId == node.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresAt, 0L), ct);
    }

    /// <summary>A clean stop: every worker lease of this node expires now, so another node takes them at its next pass.</summary>
    public async Task ExpireAllAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Set<WorkerLease>().Where(l => l.NodeId == node.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresAt, 0L), ct);
    }
}
