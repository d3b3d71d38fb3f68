using Meterchat.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Chats;

/// <summary>
/// The real ledger behind a test's hand: units of a chosen session can be refused as malformed or make the whole batch
/// throw (a faulty ledger), and a batch can be held until the test lets it go (a tick holding the clock's gate).
/// </summary>
internal sealed class ScriptedLedger(SqlLedger inner) : ILedger
{
    /// <summary>Transfers for which this returns true are refused with <see cref="TransferStatus.Invalid"/>.</summary>
    public Func<TransferRequest, bool> Refuse { get; set; } = _ => false;

    /// <summary>A batch holding a transfer for which this returns true throws.</summary>
    public Func<TransferRequest, bool> Throw { get; set; } = _ => false;

    /// <summary>When set, the next batch waits for it (and clears it).</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>Completed when a held batch has started waiting.</summary>
    public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TransferResult> TransferAsync(TransferRequest request, CancellationToken cancellationToken = default) =>
        Refuse(request) ? Task.FromResult(Refused(request)) : inner.TransferAsync(request, cancellationToken);

    public async Task<IReadOnlyList<TransferResult>> TransferBatchAsync(IReadOnlyList<TransferRequest> requests, CancellationToken cancellationToken = default)
    {
        if (Hold is { } hold)
        {
            Hold = null;
            Holding.TrySetResult();
            await hold.Task;
        }

        if (requests.Any(Throw))
        {
            throw new InvalidOperationException("The ledger's database is unwell.");
        }

        var passed = requests.Where(r => !Refuse(r)).ToList();
        var results = passed.Count == 0 ? [] : await inner.TransferBatchAsync(passed, cancellationToken);
        var next = 0;
        return requests.Select(r => Refuse(r) ? Refused(r) : results[next++]).ToList();
    }

    public Task OpenAccountsAsync(IReadOnlyCollection<AccountRef> wanted, CancellationToken cancellationToken = default) =>
        inner.OpenAccountsAsync(wanted, cancellationToken);

    public Task<UserBalances> GetBalancesAsync(string userId, CancellationToken cancellationToken = default) => inner.GetBalancesAsync(userId, cancellationToken);

    public Task<Micros> GetBalanceAsync(AccountRef account, CancellationToken cancellationToken = default) => inner.GetBalanceAsync(account, cancellationToken);

    public Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string userId, int limit, long? before = null, CancellationToken cancellationToken = default) =>
        inner.GetHistoryAsync(userId, limit, before, cancellationToken);

    /// <summary>Puts this ledger in the app's place (before the app starts).</summary>
    public static ScriptedLedger Install(ChatAppFactory app)
    {
        app.TestServices = services =>
        {
            services.AddSingleton<SqlLedger>();
            services.AddSingleton<ILedger>(sp => new ScriptedLedger(sp.GetRequiredService<SqlLedger>()));
        };
        _ = app.Services;
        return (ScriptedLedger)app.Ledger;
    }

    private static TransferResult Refused(TransferRequest request) => new(request.IdempotencyKey, TransferStatus.Invalid, null, "Refused by the test's faulty ledger.");
}
