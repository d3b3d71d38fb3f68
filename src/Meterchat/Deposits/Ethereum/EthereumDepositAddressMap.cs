using Meterchat.Data;
using Meterchat.Ethereum;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Deposits.Ethereum;

/// <summary>
/// Every user's Ethereum deposit address (index i of their deposit address row, m/44'/60'/0'/0/i) → the user. Loaded
/// once, then only the rows added since (ids only grow): 100,000 addresses cost one derivation each on the first load
/// and a dictionary lookup per log afterwards. Shared by claims and the watcher.
/// </summary>
public sealed class EthereumDepositAddressMap(EthereumDepositKeySource keys) : IDisposable
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile Dictionary<EthereumAddress, string> _users = [];
    private long _lastId;

    public int Count => _users.Count;

    public bool TryGetUser(EthereumAddress address, out string userId) => _users.TryGetValue(address, out userId!);

    public bool Contains(EthereumAddress address) => _users.ContainsKey(address);

    /// <summary>The match over every deposit address and the accepted tokens (claims and the watcher use the same).</summary>
    public Erc20TransferMatch Matcher(EthereumOptions options) =>
        new(Contains, options.Tokens.ToDictionary(t => EthereumAddress.Parse(t.Contract), t => t.Symbol));

    public async Task RefreshAsync(AppDbContext db, CancellationToken ct)
    {
        var derive = keys.Keys ?? throw new InvalidOperationException("No Ethereum deposit keys (Ethereum:AccountXpub).");
        await _refreshing.WaitAsync(ct);
        try
        {
            while (true)
            {
                var last = _lastId;
                var rows = await db.Set<DepositAddress>().AsNoTracking().Where(a => a.Id > last).OrderBy(a => a.Id)
                    .Select(a => new { a.Id, a.Index, a.UserId }).Take(10_000).ToListAsync(ct);
                if (rows.Count == 0)
                {
                    return;
                }

                // Copy on write: readers on other threads never see a dictionary being changed.
                var next = new Dictionary<EthereumAddress, string>(_users);
                foreach (var row in rows)
                {
                    next[derive.AddressAt((uint)row.Index)] = row.UserId;
                }

                _users = next;
                _lastId = rows[^1].Id;
                if (rows.Count < 10_000)
                {
                    return;
                }
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public void Dispose() => _refreshing.Dispose();
}
