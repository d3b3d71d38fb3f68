using Meterchat.Data;
using Meterchat.Observability;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Meterchat.Ledger;

/// <summary>
/// The ledger on the app's database (SQLite or PostgreSQL, same SQL). Writes are hand-written set-based SQL in one
/// transaction per call: the transfer row first (its unique key makes replays no-ops), then guarded debits
/// (<c>UPDATE ... WHERE Balance + @amount &gt;= 0</c>, so a user account can never go below zero whatever runs
/// concurrently), then credits; system accounts (a hot row for every chat unit) are updated once per batch with the sum.
/// SQLite has one writer, so writes queue on an in-process gate instead of fighting for the file lock;
/// PostgreSQL relies on row locks and retries a batch on deadlock or serialization failure. This class holds the gate,
/// the retries and the reads; <see cref="SqlTransferWriter"/> and <see cref="PostgresBatchWriter"/> write,
/// <see cref="LedgerAccountIds"/> knows the account rows.
/// </summary>
internal sealed class SqlLedger(
    IServiceScopeFactory scopes, LedgerAccountIds accounts, SqlTransferWriter writer, TimeProvider time, ILogger<SqlLedger> logger, MeterchatMetrics metrics)
    : ILedger, IDisposable
{
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

    public void Dispose() => _sqliteWriter.Dispose();

    public async Task<TransferResult> TransferAsync(TransferRequest request, CancellationToken cancellationToken = default) =>
        (await TransferBatchAsync([request], cancellationToken))[0];

    public async Task<IReadOnlyList<TransferResult>> TransferBatchAsync(IReadOnlyList<TransferRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        metrics.LedgerBatch(requests.Count);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sqlite = db.Database.IsSqlite();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);

        if (sqlite)
        {
            await _sqliteWriter.WaitAsync(cancellationToken);
        }

        try
        {
            await accounts.EnsureAsync(connection, requests, cancellationToken);
            var committed = new Dictionary<long, long>();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    committed.Clear();
                    var results = sqlite
                        ? await writer.WriteAsync(connection, sqlite, requests, committed, cancellationToken)
                        : await PostgresBatchWriter.WriteAsync((NpgsqlConnection)connection, requests, accounts.Of, time.GetUtcNow(), committed, cancellationToken);
                    return WithDebitedBalances(requests, results, committed);
                }
                catch (PostgresException e) when (attempt < 5 && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
                {
                    logger.LogWarning("Ledger batch of {Count} retried after {SqlState}", requests.Count, e.SqlState);
                }
            }
        }
        finally
        {
            if (sqlite)
            {
                _sqliteWriter.Release();
            }
        }
    }

    public async Task OpenAccountsAsync(IReadOnlyCollection<AccountRef> wanted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        if (accounts.AllKnown(wanted))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sqlite = db.Database.IsSqlite();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        if (sqlite)
        {
            await _sqliteWriter.WaitAsync(cancellationToken);
        }

        try
        {
            await accounts.EnsureAsync(connection, wanted, cancellationToken);
        }
        finally
        {
            if (sqlite)
            {
                _sqliteWriter.Release();
            }
        }
    }

    public async Task<UserBalances> GetBalancesAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Set<LedgerAccount>().AsNoTracking().Where(a => a.UserId == userId)
            .Select(a => new { a.Kind, a.Balance }).ToListAsync(cancellationToken);
        Micros Of(AccountKind kind) => new(rows.Where(r => r.Kind == kind).Sum(r => r.Balance));
        return new UserBalances(Of(AccountKind.Wallet), Of(AccountKind.Earnings), Of(AccountKind.Held));
    }

    public async Task<Micros> GetBalanceAsync(AccountRef account, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var balance = await db.Set<LedgerAccount>().AsNoTracking().Where(a => a.Code == account.Code)
            .Select(a => (long?)a.Balance).FirstOrDefaultAsync(cancellationToken);
        return new Micros(balance ?? 0);
    }

    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string userId, int limit, long? before = null, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var query =
            from leg in db.Set<LedgerLeg>()
            join account in db.Set<LedgerAccount>() on leg.AccountId equals account.Id
            join transfer in db.Set<LedgerTransfer>() on leg.TransferId equals transfer.Id
            where account.UserId == userId && (before == null || transfer.Id < before)
            orderby transfer.Id descending, account.Kind
            select new { transfer.Id, transfer.CreatedAt, transfer.Kind, transfer.Reference, Account = account.Kind, leg.Amount };
        var rows = await query.AsNoTracking().Take(Math.Clamp(limit, 1, 500)).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new HistoryEntry(r.Id, r.CreatedAt, r.Kind, r.Reference, r.Account, new Micros(r.Amount)))];
    }

    /// <summary>
    /// Each completed transfer that debits one user account gets that account's committed balance, as the writes read it
    /// back (the meter's view of a buyer's wallet then needs no read of its own). The last write of an account wins.
    /// </summary>
    private TransferResult[] WithDebitedBalances(IReadOnlyList<TransferRequest> requests, IReadOnlyList<TransferResult> results, Dictionary<long, long> committed)
    {
        var answered = new TransferResult[results.Count];
        for (var i = 0; i < results.Count; i++)
        {
            answered[i] = results[i];
            if (results[i].Status != TransferStatus.Completed)
            {
                continue;
            }

            AccountRef? debited = null;
            var one = true;
            foreach (var leg in requests[i].Legs)
            {
                if (leg.Account.IsUser && leg.Amount.IsNegative)
                {
                    one &= debited is null || debited.Value.Code == leg.Account.Code;
                    debited = leg.Account;
                }
            }

            if (one && debited is { } account && committed.TryGetValue(accounts.Of(account), out var balance))
            {
                answered[i] = results[i] with { DebitedBalance = new Micros(balance) };
            }
        }

        return answered;
    }
}
