using Meterchat.Chats.Store;

namespace Meterchat.Chats.Live;

/// <summary>The group commit of parties' events: applied in arrival order under one hold of the gate, one store append.</summary>
public sealed partial class LiveSessions
{
    /// <summary>
    /// Queues these events for the gate and waits for it; the first caller to get it applies every event queued by then
    /// (group commit), so parties' joins and reports that piled up behind a tick cost one store append, not one each.
    /// </summary>
    private async Task ApplyPendingAsync(List<PendingEvent> mine, CancellationToken ct)
    {
        var arriving = mine.Select(p => arrivals.Arriving(p.SessionId, p.Event)).ToList();
        try
        {
            foreach (var p in mine)
            {
                _pending.Enqueue(p);
            }

            var held = false;
            try
            {
                await memory.WaitAsync(ct);
                held = true;
            }
            catch (OperationCanceledException)
            {
                // Withdrawn unless a batch already took them: those are applied, so wait for them.
                var withdrawn = mine.Where(p => p.TryWithdraw()).ToList();
                if (withdrawn.Count == mine.Count)
                {
                    throw;
                }

                withdrawn.ForEach(p => p.Fail(new OperationCanceledException(ct)));
            }

            if (held)
            {
                try
                {
                    while (!mine.All(p => p.IsTaken || p.Done.IsCompleted))
                    {
                        await ApplyBatchLockedAsync(ct);
                    }
                }
                finally
                {
                    memory.Release();
                }
            }

            await Task.WhenAll(mine.Where(p => p.IsTaken).Select(p => p.Done));
        }
        finally
        {
            arriving.ForEach(arrivals.Arrived);
        }
    }

    /// <summary>
    /// Under the gate: takes the waiting events (up to a store batch) and applies them in arrival order, stores every
    /// session they changed in one append, then pushes each changed session once. A session whose append lost a race
    /// (reloaded) gets its events applied again one by one, as a single event would.
    /// </summary>
    private async Task ApplyBatchLockedAsync(CancellationToken ct)
    {
        var batch = new List<PendingEvent>();
        while (batch.Count < MaxBatchEvents && _pending.TryDequeue(out var next))
        {
            if (next.TryTake())
            {
                batch.Add(next);
            }
        }

        var lives = new LiveSession?[batch.Count];
        var changed = new List<LiveSession>();
        var changedAt = new Dictionary<LiveSession, DateTimeOffset>();
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var (sessionId, e) = (batch[i].SessionId, batch[i].Event);
                LiveSession? live;
                try
                {
                    live = await memory.GetOrLoadAsync(sessionId, ct);
                    if (live is null)
                    {
                        batch[i].Complete(null, await routes.OtherOwnerAsync(sessionId, ct), null);
                        continue;
                    }
                }
                catch (Exception x) when (x is not OperationCanceledException)
                {
                    batch[i].Fail(x);
                    continue;
                }

                lives[i] = live;
                ConnectReporter(live, e);
                live.Watch.Observe(e);
                var result = live.Session.Apply(e);
                if ((result.IsApplied || live.Session.Events.Count > live.Stored) && changedAt.TryAdd(live, e.At))
                {
                    changed.Add(live);
                }
                else if (changedAt.ContainsKey(live))
                {
                    changedAt[live] = e.At;
                }
            }

            await memory.PersistAsync(changed, ct);
            var retried = changed.Where(l => !memory.Holds(l)).ToHashSet();
            foreach (var live in changed.Where(l => !retried.Contains(l)))
            {
                await notifier.StatusAsync(live, changedAt[live]);
            }

            for (var i = 0; i < batch.Count; i++)
            {
                if (lives[i] is not { } live)
                {
                    continue;
                }

                var e = batch[i].Event;
                if (retried.Contains(live))
                {
                    // Storing lost a race: the session was reloaded from the store; apply this event to the reloaded copy.
                    var (again, owner) = await ApplyLockedAsync(batch[i].SessionId, e, ct);
                    batch[i].Complete(again, owner, StatusOf(again, batch[i]));
                    continue;
                }

                memory.Schedule(live, e.At);
                batch[i].Complete(live, null, StatusOf(live, batch[i]));
            }
        }
        catch (Exception x)
        {
            batch.ForEach(p => p.Fail(x));
            throw;
        }
    }

    private ChatStatus? StatusOf(LiveSession? live, PendingEvent pending) =>
        live is not null && pending.StatusFor is { } party ? ChatNotifier.StatusFor(live, party, time.GetUtcNow()) : null;
}
