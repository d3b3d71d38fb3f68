using Meterchat.Chats.Live;
using Meterchat.Chats.Receipts;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Chats.Retention;

/// <summary>
/// Purges the event logs of sessions that ended more than the retention period ago (PRODUCT.md §5: the detail is
/// kept 30 days, the ledger forever). Per session, in one transaction: the receipt is computed from the log and
/// stored on the session row with the signed receipt file (docs/receipts.md), then the log is deleted. Live and recent sessions are never touched.
/// </summary>
public sealed class ChatLogPurge(IServiceScopeFactory scopes, IChatSessions store, SignedReceipts receipts, IOptions<RetentionOptions> options, TimeProvider time, ILogger<ChatLogPurge> log)
    : BackgroundService
{
    private static readonly ChatState[] Over = [ChatState.Ended, ChatState.Declined, ChatState.Expired, ChatState.Failed];

    /// <summary>Purges every session due now, batch by batch; returns how many sessions lost their log.</summary>
    public async Task<int> PurgeOnceAsync(CancellationToken ct = default)
    {
        var cutoff = time.GetUtcNow() - options.Value.ChatLogRetention;
        var total = 0;
        while (true)
        {
            var purged = await PurgeBatchAsync(cutoff, ct);
            total += purged;
            if (purged < options.Value.BatchSize)
            {
                break;
            }
        }

        if (total > 0)
        {
            log.LogInformation("Purged the event logs of {Count} sessions that ended before {Cutoff}", total, cutoff);
        }

        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.IntervalMinutes), time);
        try
        {
            do
            {
                try
                {
                    await PurgeOnceAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Chat log purge failed; retrying next interval");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<int> PurgeBatchAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var due = await db.Set<ChatSessionRow>()
            .Where(r => Over.Contains(r.State) && r.ReceiptJson == null && r.EndedAt != null && r.EndedAt < cutoff)
            .OrderBy(r => r.EndedAt).Take(options.Value.BatchSize).ToListAsync(ct);
        foreach (var row in due)
        {
            var session = await store.LoadAsync(row.Id, ct);
            var receipt = session is null ? null : ReceiptView.Of(row.Id, Receipt.Of(session, row.EndedAt!.Value));
            row.ReceiptJson = receipt is null ? "{}" : SessionReceipts.ToJson(receipt);

            // The signed receipt outlives the log: kept without its events, it still proves the bill and the chain head.
            row.SignedReceiptJson = await receipts.ForAsync(row, ct) is { } file ? (file with { Events = null }).ToJson() : null;
            row.Version++;
        }

        if (due.Count == 0)
        {
            return 0;
        }

        var ids = due.Select(r => r.Id).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await db.Set<ChatEventRow>().Where(e => ids.Contains(e.SessionId)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return due.Count;
    }
}
