using Meterchat.Data;
using Meterchat.Tron.Encoding;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Deposits;

/// <summary>
/// Every deposit address → its user, for the watcher's scan. Loaded once, then only the rows added since
/// (ids only grow), so 100,000 addresses cost one load and a dictionary lookup per log.
/// </summary>
public sealed class DepositAddressMap
{
    private readonly Dictionary<TronAddress, string> _users = [];
    private long _lastId;

    public int Count => _users.Count;

    public bool TryGetUser(TronAddress address, out string userId) => _users.TryGetValue(address, out userId!);

    public async Task RefreshAsync(AppDbContext db, CancellationToken ct)
    {
        while (true)
        {
            var last = _lastId;
            var rows = await db.Set<DepositAddress>().AsNoTracking().Where(a => a.Id > last).OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.Address, a.UserId }).Take(10_000).ToListAsync(ct);
            foreach (var row in rows)
            {
                _users[TronAddress.Parse(row.Address)] = row.UserId;
                _lastId = row.Id;
            }

            if (rows.Count < 10_000)
            {
                return;
            }
        }
    }
}
