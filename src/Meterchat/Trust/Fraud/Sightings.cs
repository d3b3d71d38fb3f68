using System.Net;
using Meterchat.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Trust.Fraud;

/// <summary>Records where a user is seen (IP, device) and runs the rules that a new sighting can fire.</summary>
public sealed class Sightings(AppDbContext db, FraudCheck check, IOptions<FraudOptions> options, TimeProvider time, ILogger<Sightings> log)
{
    public async Task RecordAsync(string userId, HttpContext? context, CancellationToken ct = default)
    {
        var ip = IpOf(context?.Connection.RemoteIpAddress);
        var device = DeviceCookie.Of(context);
        if (ip.Length == 0 && device.Length == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var row = await db.Set<Sighting>().SingleOrDefaultAsync(s => s.UserId == userId && s.Ip == ip && s.DeviceId == device, ct);
        if (row is null)
        {
            db.Add(new Sighting { UserId = userId, Ip = ip, DeviceId = device, FirstSeen = now, LastSeen = now });
        }
        else
        {
            row.LastSeen = now;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // The same sighting recorded at the same moment by another request: one row is enough.
            log.LogDebug(e, "Sighting of {UserId} already recorded", userId);
            db.ChangeTracker.Clear();
        }

        await check.AfterSightingAsync(userId, ip, ct);
    }

    private string IpOf(IPAddress? address)
    {
        if (address is null)
        {
            return "";
        }

        var text = (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        return options.Value.IgnoredIps.Contains(text) ? "" : text;
    }
}
