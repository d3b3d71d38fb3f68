using Meterchat.Ledger;

namespace Meterchat.IntegrationTests.Ledger;

/// <summary>What the ledger should hold, kept in memory by the tests: user accounts only, never negative.</summary>
internal sealed class LedgerModel
{
    private readonly Dictionary<string, long> _balances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TransferRequest> _recorded = new(StringComparer.Ordinal);

    public long BalanceOf(AccountRef account) => _balances.GetValueOrDefault(account.Code);

    /// <summary>Applies a request the way the ledger must, and says what the ledger must answer.</summary>
    public TransferStatus Apply(TransferRequest request)
    {
        if (request.Problem() is not null)
        {
            return TransferStatus.Invalid;
        }

        if (_recorded.TryGetValue(request.IdempotencyKey, out var first))
        {
            return SameContent(first, request) ? TransferStatus.Replayed : TransferStatus.KeyConflict;
        }

        if (request.Legs.Any(l => l.Account.IsUser && BalanceOf(l.Account) + l.Amount.Value < 0))
        {
            return TransferStatus.InsufficientFunds;
        }

        foreach (var leg in request.Legs.Where(l => l.Account.IsUser))
        {
            _balances[leg.Account.Code] = BalanceOf(leg.Account) + leg.Amount.Value;
        }

        _recorded[request.IdempotencyKey] = request;
        return TransferStatus.Completed;
    }

    private static bool SameContent(TransferRequest a, TransferRequest b) =>
        a.Kind == b.Kind && a.Legs.OrderBy(l => l.Account.Code, StringComparer.Ordinal)
            .SequenceEqual(b.Legs.OrderBy(l => l.Account.Code, StringComparer.Ordinal));
}
