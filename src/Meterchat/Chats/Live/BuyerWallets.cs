using Meterchat.Data;
using Meterchat.Ledger;

namespace Meterchat.Chats.Live;

/// <summary>The buyers' last known wallet balances on their in-memory sessions (for the panel, the warnings and the plans).</summary>
public sealed class BuyerWallets(IServiceScopeFactory scopes, ILedger ledger)
{
    /// <summary>One buyer's balance (a session loaded on its own).</summary>
    public Task<Micros> OfAsync(string buyerId, CancellationToken ct) => ledger.GetBalanceAsync(AccountRef.Wallet(buyerId), ct);

    /// <summary>The buyers' wallet balances in one query per thousand buyers.</summary>
    public async Task RefreshAsync(List<LiveSession> sessions, CancellationToken ct)
    {
        if (sessions.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var byCode = sessions.GroupBy(l => AccountRef.Wallet(l.BuyerId).Code).ToList();
        foreach (var chunk in byCode.Chunk(1000))
        {
            var codes = chunk.Select(g => g.Key).ToList();
            var balances = await LedgerReads.BalancesAsync(db, codes, ct);
            foreach (var group in chunk)
            {
                var wallet = new Micros(balances.GetValueOrDefault(group.Key));
                foreach (var live in group)
                {
                    live.Wallet = wallet;
                }
            }
        }
    }
}
