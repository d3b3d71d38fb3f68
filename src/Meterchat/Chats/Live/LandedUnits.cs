using Meterchat.Data;
using Meterchat.Ledger;

namespace Meterchat.Chats.Live;

/// <summary>
/// The step every recovered session goes through (a restart, a lease taken over): a unit whose transfer landed in the
/// ledger but whose event did not reach the log is recorded, at the moment it fell due; then ServerRecovered stops the
/// live time at the last logged event, so the gap is never billed, and asks both parties for fresh evidence.
/// </summary>
public sealed class LandedUnits(IServiceScopeFactory scopes, ILogger<LandedUnits> logger)
{
    // Units the clock may have charged past its last stored event (it stores every tick; a tick charges a few at most).
    private const int Window = 64;

    public async Task RecoverAsync(LiveSession live, DateTimeOffset now, CancellationToken ct)
    {
        await RecordAsync(live, ct);
        live.Session.Apply(new ServerRecovered(now));
    }

    private async Task RecordAsync(LiveSession live, CancellationToken ct)
    {
        var session = live.Session;
        var keys = Enumerable.Range(1, Window).Select(i => MeterClock.UnitKey(live.Id, session.UnitsCharged + i)).ToList();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var landed = await LedgerReads.ExistingKeysAsync(db, keys, ct);
        for (var i = 0; i < Window && landed.Contains(keys[i]); i++)
        {
            var unit = session.UnitsCharged + 1;
            var at = session.LastEventAt;
            if (session.State == ChatState.Live)
            {
                var wait = session.Meter.DueAt(unit) - session.LiveTime(at);
                at = wait > TimeSpan.Zero ? at + wait : at;
            }

            var result = session.Apply(new UnitCharged(at, unit));
            logger.LogWarning("Unit {Unit} of {Session} was in the ledger but not the log: {Outcome}", unit, live.Id, result.Outcome);
            if (!result.IsApplied)
            {
                break;
            }
        }
    }
}
