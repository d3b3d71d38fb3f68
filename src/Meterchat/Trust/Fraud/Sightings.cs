using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Meterchat.Trust.Fraud;

/// <summary>
/// Records where a user is seen (IP, device) and runs the rules that a new sighting can fire. Sightings are written by
/// group commit: whoever holds the gate writes every sighting queued by then in one transaction, so a burst of chat
/// joins costs one write, not one per join (on SQLite, one waiting writer each, blocking a thread-pool thread in
/// Microsoft.Data.Sqlite's busy-retry sleep). The caller still returns only once its sighting is stored and checked.
/// </summary>
public sealed class Sightings(IServiceScopeFactory scopes, IOptions<FraudOptions> options, TimeProvider time) : IDisposable
{
    /// <summary>At most this many sightings in one write.</summary>
    internal const int MaxBatch = 1000;

    private readonly ConcurrentQueue<PendingSighting> _queue = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task RecordAsync(string userId, HttpContext? context, CancellationToken ct = default)
    {
        var ip = IpOf(context?.Connection.RemoteIpAddress);
        var device = DeviceCookie.Of(context);
        if (ip.Length == 0 && device.Length == 0)
        {
            return;
        }

        var mine = new PendingSighting(userId, ip, device, time.GetUtcNow());
        _queue.Enqueue(mine);

        // A caller that gives up leaves its sighting queued: the next batch writes it (a sighting is idempotent).
        await _gate.WaitAsync(ct);
        try
        {
            while (!mine.Done.IsCompleted && !_queue.IsEmpty)
            {
                await WriteBatchLockedAsync();
            }
        }
        finally
        {
            _gate.Release();
        }

        await mine.Done;
    }

    // Not the holder's token: the batch holds other callers' sightings too, and it is short.
    private async Task WriteBatchLockedAsync()
    {
        var batch = new List<PendingSighting>();
        while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
        {
            batch.Add(next);
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SightingWriter>().WriteAsync(batch, CancellationToken.None);
            batch.ForEach(p => p.Complete());
        }
        catch (Exception e)
        {
            batch.ForEach(p => p.Fail(e));
        }
    }

    public void Dispose() => _gate.Dispose();

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
