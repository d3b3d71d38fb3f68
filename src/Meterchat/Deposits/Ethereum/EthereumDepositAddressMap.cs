using Meterchat.Data;
using Meterchat.Ethereum;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Deposits.Ethereum;

/// <summary>
/// Every user's Ethereum deposit address (index i of their deposit address row, m/44'/60'/0'/0/i) → the user. Loaded
/// from the rows' <see cref="DepositAddress.EthereumAddress"/> column once, then only the rows added since (ids only
/// grow): a dictionary lookup per log afterwards. Shared by claims and the watcher.
/// </summary>
/// <remarks>
/// Deriving an address costs about half a millisecond (34–56 s for 100,000 at each start, which the first claim
/// waited for), so rows store it when created. Rows without it (made before the column existed, or while no
/// Ethereum key was set) are derived here once and written back a batch at a time, each batch its own short
/// transaction. Rows stored under another account xpub (the key was changed) are found on the first load by
/// checking the first stored row against the key, and derived again.
/// </remarks>
public sealed class EthereumDepositAddressMap(EthereumDepositKeySource keys, IServiceScopeFactory scopes, ILogger<EthereumDepositAddressMap> logger) : IDisposable
{
    private const int ReadBatch = 10_000;
    private const int WriteBatch = 1_000;

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile Dictionary<EthereumAddress, string> _users = [];
    private long _lastId;
    private bool _keyChecked;

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
            if (!_keyChecked)
            {
                await ForgetOtherKeysAddressesAsync(db, derive, ct);
                _keyChecked = true;
            }

            while (true)
            {
                var last = _lastId;
                var rows = await db.Set<DepositAddress>().AsNoTracking().Where(a => a.Id > last).OrderBy(a => a.Id)
                    .Select(a => new { a.Id, a.Index, a.UserId, a.EthereumAddress }).Take(ReadBatch).ToListAsync(ct);
                if (rows.Count == 0)
                {
                    return;
                }

                // Copy on write: readers on other threads never see a dictionary being changed.
                var next = new Dictionary<EthereumAddress, string>(_users);
                List<(long Id, string Address)> derived = [];
                foreach (var row in rows)
                {
                    EthereumAddress address;
                    if (row.EthereumAddress is { } stored)
                    {
                        address = EthereumAddress.Parse(stored);
                    }
                    else
                    {
                        address = derive.AddressAt((uint)row.Index);
                        derived.Add((row.Id, address.Checksummed));
                    }

                    next[address] = row.UserId;
                }

                _users = next;
                _lastId = rows[^1].Id;
                await StoreAsync(derived, ct);
                if (rows.Count < ReadBatch)
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

    /// <summary>
    /// The stored addresses belong to the key when the first stored row does (one derivation); otherwise the account
    /// xpub was changed, and every stored address is cleared to be derived again under the key now set.
    /// </summary>
    private async Task ForgetOtherKeysAddressesAsync(AppDbContext db, EthereumDepositKeys derive, CancellationToken ct)
    {
        var first = await db.Set<DepositAddress>().AsNoTracking().Where(a => a.EthereumAddress != null).OrderBy(a => a.Id)
            .Select(a => new { a.Index, a.EthereumAddress }).FirstOrDefaultAsync(ct);
        if (first is null || EthereumAddress.Parse(first.EthereumAddress!) == derive.AddressAt((uint)first.Index))
        {
            return;
        }

        logger.LogWarning("The stored Ethereum deposit addresses were derived from another account xpub than Ethereum:AccountXpub: deriving them again");
        await db.Set<DepositAddress>().Where(a => a.EthereumAddress != null).ExecuteUpdateAsync(u => u.SetProperty(a => a.EthereumAddress, (string?)null), ct);
    }

    /// <summary>Writes derived addresses back, a batch per transaction, so the next start (and other nodes) load them.</summary>
    private async Task StoreAsync(List<(long Id, string Address)> derived, CancellationToken ct)
    {
        if (derived.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var batch in derived.Chunk(WriteBatch))
        {
            foreach (var (id, address) in batch)
            {
                var row = new DepositAddress { Id = id };
                db.Attach(row);
                row.EthereumAddress = address;
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A row of the batch is gone: the map has the addresses; the rest are derived again next start.
                logger.LogWarning("Storing {Count} derived Ethereum deposit addresses: a row was gone; they will be derived again", batch.Length);
            }

            db.ChangeTracker.Clear();
        }

        logger.LogInformation("Stored {Count} derived Ethereum deposit addresses", derived.Count);
    }

    public void Dispose() => _refreshing.Dispose();
}
