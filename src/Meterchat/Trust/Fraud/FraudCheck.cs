using System.Text.Json;
using Meterchat.Data;
using Meterchat.Observability;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Trust.Fraud;

/// <summary>
/// Runs the rules on the events that matter (a sighting, a withdrawal request) and stores what they find as flags:
/// one flag per (user, rule, key), ever, so a flag an admin cleared is not raised again by the same evidence.
/// </summary>
public sealed class FraudCheck(
    AppDbContext db,
    SharedIpOrDevice sharedIpOrDevice,
    ManyAccountsPerIp manyAccountsPerIp,
    FastDepositSelfDealing fastDepositSelfDealing,
    UnusualRefundRate unusualRefundRate,
    TimeProvider time,
    ILogger<FraudCheck> log,
    MeterchatMetrics metrics)
{
    /// <summary>The rules a batch of sightings can fire: once per user seen, once per address (not per sighting).</summary>
    public async Task AfterSightingsAsync(IReadOnlyList<string> userIds, IReadOnlyList<string> ips, CancellationToken ct)
    {
        var hits = new List<FlagHit>();
        foreach (var userId in userIds)
        {
            hits.AddRange(await sharedIpOrDevice.CheckAsync(userId, ct));
        }

        foreach (var ip in ips)
        {
            hits.AddRange(await manyAccountsPerIp.CheckIpAsync(ip, ct));
        }

        await RaiseAsync(hits, ct);
    }

    /// <summary>Every rule about this user, then the user's open flags (rule names): any → manual review.</summary>
    public async Task<IReadOnlyList<FraudFlag>> BeforeWithdrawalAsync(string userId, CancellationToken ct)
    {
        var hits = new List<FlagHit>();
        hits.AddRange(await sharedIpOrDevice.CheckAsync(userId, ct));
        hits.AddRange(await manyAccountsPerIp.CheckUserAsync(userId, ct));
        hits.AddRange(await fastDepositSelfDealing.CheckSellerAsync(userId, ct));
        hits.AddRange(await unusualRefundRate.CheckSellerAsync(userId, ct));
        await RaiseAsync(hits, ct);
        return await db.Set<FraudFlag>().AsNoTracking().Where(f => f.UserId == userId && f.ClearedAt == null).OrderBy(f => f.Id).ToListAsync(ct);
    }

    public async Task<int> RaiseAsync(IReadOnlyList<FlagHit> hits, CancellationToken ct)
    {
        if (hits.Count == 0)
        {
            return 0;
        }

        var users = hits.Select(h => h.UserId).Distinct().ToList();
        var known = (await db.Set<FraudFlag>().AsNoTracking().Where(f => users.Contains(f.UserId)).Select(f => new { f.UserId, f.Rule, f.Key }).ToListAsync(ct))
            .Select(f => (f.UserId, f.Rule, f.Key)).ToHashSet();
        var raised = 0;
        foreach (var hit in hits.DistinctBy(h => (h.UserId, h.Rule, h.Key)).Where(h => !known.Contains((h.UserId, h.Rule, h.Key))))
        {
            db.Add(new FraudFlag
            {
                UserId = hit.UserId,
                Rule = hit.Rule,
                Key = hit.Key,
                Evidence = JsonSerializer.Serialize(hit.Evidence, JsonSerializerOptions.Web),
                RaisedAt = time.GetUtcNow(),
            });
            raised++;
            metrics.FraudFlagRaised(hit.Rule);
            log.LogWarning("Fraud flag {Rule} raised for user {UserId}", hit.Rule, hit.UserId);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Another request raised the same flag meanwhile: it exists, which is all that matters.
            log.LogDebug(e, "Fraud flag raised concurrently");
            db.ChangeTracker.Clear();
        }

        return raised;
    }
}
