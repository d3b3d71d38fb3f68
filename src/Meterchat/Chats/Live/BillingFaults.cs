using Meterchat.Data;
using Microsoft.Extensions.Options;

namespace Meterchat.Chats.Live;

/// <summary>
/// The ledger refused a unit for a reason that is not the buyer's money (or threw). It is tried again on the next
/// ticks; after <see cref="ChatOptions.BillingAttempts"/> attempts billing stops there: a running session ends with
/// BillingFault (refunded like a failure), and the admins see it in the audit log.
/// </summary>
public sealed class BillingFaults(IServiceScopeFactory scopes, IOptions<ChatOptions> options, ILogger<BillingFaults> logger)
{
    private readonly List<(Guid Session, long Unit, string Problem)> _faulted = [];

    /// <summary>Under the gate: one more failed attempt at this unit.</summary>
    public void Fault(LiveSession live, long unit, DateTimeOffset at, string problem)
    {
        live.BillingFaults++;
        if (live.BillingFaults < options.Value.BillingAttempts)
        {
            logger.LogWarning("Unit {Unit} of {Session} failed (attempt {Attempt}): {Problem}", unit, live.Id, live.BillingFaults, problem);
            return;
        }

        var result = live.Session.Apply(new UnitRefused(at, unit, EndReason.BillingFault));
        logger.LogError("Unit {Unit} of {Session} failed {Attempts} times; billing stops there ({Outcome}): {Problem}", unit, live.Id, live.BillingFaults, result.Outcome, problem);
        if (result.IsApplied)
        {
            _faulted.Add((live.Id, unit, problem));
        }
    }

    /// <summary>Each billing fault of this tick goes to the admin audit log (the admin console's log page), after its event is stored.</summary>
    public async Task ReportAsync(CancellationToken ct)
    {
        if (_faulted.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var audit = scope.ServiceProvider.GetRequiredService<Audit.AdminAuditLog>();
            foreach (var (id, unit, problem) in _faulted)
            {
                audit.Add(MeterClock.MeterActor, MeterClock.BillingFaultAction, $"session:{id}", $"Unit {unit} kept failing: {problem}", new { session = id, unit });
            }

            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Recording {Count} billing faults for the admins failed", _faulted.Count);
        }
        finally
        {
            _faulted.Clear();
        }
    }
}
