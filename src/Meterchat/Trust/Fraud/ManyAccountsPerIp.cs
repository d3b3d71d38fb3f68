using Meterchat.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Trust.Fraud;

/// <summary>Rule: more than the allowed number of accounts seen on one IP address within the window. Every one of them is flagged.</summary>
public sealed class ManyAccountsPerIp(AppDbContext db, IOptions<FraudOptions> options, TimeProvider time)
{
    private const int MaxListed = 50;

    public async Task<IReadOnlyList<FlagHit>> CheckIpAsync(string ip, CancellationToken ct)
    {
        var rule = options.Value.ManyAccountsPerIp;
        if (!rule.Enabled || ip.Length == 0)
        {
            return [];
        }

        var since = time.GetUtcNow().AddHours(-rule.WindowHours);
        var users = await db.Set<Sighting>().AsNoTracking().Where(s => s.Ip == ip && s.LastSeen >= since)
            .Select(s => s.UserId).Distinct().OrderBy(u => u).ToListAsync(ct);
        if (users.Count <= rule.MaxAccounts)
        {
            return [];
        }

        var evidence = new { Ip = ip, Accounts = users.Count, rule.MaxAccounts, rule.WindowHours, UserIds = users.Take(MaxListed).ToList() };
        return users.Select(u => new FlagHit(u, FraudRules.ManyAccountsPerIp, $"ip:{ip}", evidence)).ToList();
    }

    /// <summary>The rule over every address the user was seen on within the window.</summary>
    public async Task<IReadOnlyList<FlagHit>> CheckUserAsync(string userId, CancellationToken ct)
    {
        if (!options.Value.ManyAccountsPerIp.Enabled)
        {
            return [];
        }

        var since = time.GetUtcNow().AddHours(-options.Value.ManyAccountsPerIp.WindowHours);
        var ips = await db.Set<Sighting>().AsNoTracking().Where(s => s.UserId == userId && s.Ip != "" && s.LastSeen >= since)
            .Select(s => s.Ip).Distinct().ToListAsync(ct);
        var hits = new List<FlagHit>();
        foreach (var ip in ips)
        {
            hits.AddRange((await CheckIpAsync(ip, ct)).Where(h => h.UserId == userId));
        }

        return hits;
    }
}
