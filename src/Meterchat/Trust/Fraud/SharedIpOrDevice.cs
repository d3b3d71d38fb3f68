using Meterchat.Chats.Store;
using Meterchat.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Trust.Fraud;

/// <summary>Rule: the buyer and the seller of a session were seen on the same IP address or in the same browser.</summary>
public sealed class SharedIpOrDevice(AppDbContext db, IChatSessions sessions, IOptions<FraudOptions> options)
{
    public async Task<IReadOnlyList<FlagHit>> CheckAsync(string userId, CancellationToken ct)
    {
        var rule = options.Value.SharedIpOrDevice;
        if (!rule.Enabled)
        {
            return [];
        }

        var mine = await db.Set<Sighting>().AsNoTracking().Where(s => s.UserId == userId).Select(s => new { s.Ip, s.DeviceId }).ToListAsync(ct);
        var ips = mine.Select(s => s.Ip).Where(ip => ip.Length > 0).Distinct().ToList();
        var devices = mine.Select(s => s.DeviceId).Where(d => d.Length > 0).Distinct().ToList();
        if (ips.Count == 0 && devices.Count == 0)
        {
            return [];
        }

        // Newest first: the first session with a counterpart is the one the evidence names.
        var recent = await sessions.ListForUserAsync(userId, rule.SessionsChecked, ct);
        var others = recent.GroupBy(r => r.BuyerId == userId ? r.SellerId : r.BuyerId).Where(g => g.Key != userId)
            .ToDictionary(g => g.Key, g => g.First());
        if (others.Count == 0)
        {
            return [];
        }

        var ids = others.Keys.ToList();
        var shared = await db.Set<Sighting>().AsNoTracking()
            .Where(s => ids.Contains(s.UserId) && ((s.Ip != "" && ips.Contains(s.Ip)) || (s.DeviceId != "" && devices.Contains(s.DeviceId))))
            .Select(s => new { s.UserId, s.Ip, s.DeviceId }).ToListAsync(ct);
        var hits = new List<FlagHit>();
        foreach (var group in shared.GroupBy(s => s.UserId))
        {
            var session = others[group.Key];
            var evidence = new
            {
                SessionId = session.Id,
                session.BuyerId,
                session.SellerId,
                SharedIps = group.Select(s => s.Ip).Where(ips.Contains).Distinct().ToList(),
                SharedDevices = group.Select(s => s.DeviceId).Where(devices.Contains).Distinct().ToList(),
            };
            var pair = string.CompareOrdinal(session.BuyerId, session.SellerId) < 0 ? $"{session.BuyerId}|{session.SellerId}" : $"{session.SellerId}|{session.BuyerId}";
            hits.Add(new FlagHit(session.BuyerId, FraudRules.SharedIpOrDevice, pair, evidence));
            hits.Add(new FlagHit(session.SellerId, FraudRules.SharedIpOrDevice, pair, evidence));
        }

        return hits;
    }
}
