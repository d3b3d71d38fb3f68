namespace Meterchat.Ledger;

/// <summary>The double-entry ledger: the only way money moves.</summary>
public interface ILedger
{
    /// <summary>Records one transfer, or replays the first result of its key. Never throws for business refusals.</summary>
    Task<TransferResult> TransferAsync(TransferRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records many transfers in one database transaction; each succeeds or is refused on its own.
    /// Results are in request order.
    /// </summary>
    Task<IReadOnlyList<TransferResult>> TransferBatchAsync(IReadOnlyList<TransferRequest> requests, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the accounts that do not exist yet (balance zero) and remembers their rows, so the first transfer that
    /// touches them does not have to (the meter opens a session's accounts when the session joins memory, outside its tick).
    /// </summary>
    Task OpenAccountsAsync(IReadOnlyCollection<AccountRef> wanted, CancellationToken cancellationToken = default);

    Task<UserBalances> GetBalancesAsync(string userId, CancellationToken cancellationToken = default);

    Task<Micros> GetBalanceAsync(AccountRef account, CancellationToken cancellationToken = default);

    /// <summary>A user's movements, newest first; <paramref name="before"/> is the last transfer id of the previous page.</summary>
    Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string userId, int limit, long? before = null, CancellationToken cancellationToken = default);
}
