using System.Collections.Concurrent;

namespace Meterchat.Withdrawals;

/// <summary>
/// One request at a time per user on this node, so the daily limit is checked against every earlier request.
/// (The hold itself never overdraws whatever runs concurrently: the ledger guards the balance.)
/// Several nodes would need a database lock per user instead.
/// </summary>
public sealed class WithdrawalGate
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _users = new(StringComparer.Ordinal);

    public async Task<IDisposable> EnterAsync(string userId, CancellationToken cancellationToken)
    {
        var gate = _users.GetOrAdd(userId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
