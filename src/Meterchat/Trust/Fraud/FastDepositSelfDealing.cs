using Meterchat.Chats.Store;
using Meterchat.Ledger;
using Microsoft.Extensions.Options;

namespace Meterchat.Trust.Fraud;

/// <summary>
/// Rule, checked when a seller asks for a withdrawal: a buyer's deposit, of which at least the set share was spent
/// in chats with this seller within hours of it, and this withdrawal request within hours of that deposit. The
/// laundering loop the earnings/wallet split alone does not stop when buyer and seller are one person. Tips count
/// as spending with the seller like chat units, whether or not the chat ever went live: a request left before live
/// and then tipped moves money from buyer to seller just the same.
/// </summary>
public sealed class FastDepositSelfDealing(ILedger ledger, IChatSessions sessions, IOptions<FraudOptions> options, TimeProvider time)
{
    private const int HistoryLimit = 2000;

    private static bool IsSpending(TransferKind kind) => kind is TransferKind.ChatUnit or TransferKind.Tip;

    public async Task<IReadOnlyList<FlagHit>> CheckSellerAsync(string sellerId, CancellationToken ct)
    {
        var rule = options.Value.FastDepositSelfDealing;
        if (!rule.Enabled)
        {
            return [];
        }

        var now = time.GetUtcNow();
        var earliestDeposit = now.AddHours(-rule.WithdrawalWithinHours);
        var earned = await ledger.GetHistoryAsync(sellerId, HistoryLimit, cancellationToken: ct);
        var sessionIds = earned.Where(e => IsSpending(e.Kind) && e.Account == AccountKind.Earnings && e.At >= earliestDeposit && e.Reference is not null)
            .Select(e => e.Reference!).ToHashSet(StringComparer.Ordinal);
        if (sessionIds.Count == 0)
        {
            return [];
        }

        var buyers = (await sessions.ListForUserAsync(sellerId, HistoryLimit, ct))
            .Where(r => r.SellerId == sellerId && sessionIds.Contains(r.Id.ToString()))
            .Select(r => r.BuyerId).Distinct().ToList();
        var hits = new List<FlagHit>();
        foreach (var buyerId in buyers)
        {
            var history = await ledger.GetHistoryAsync(buyerId, HistoryLimit, cancellationToken: ct);
            foreach (var deposit in history.Where(e => e.Kind == TransferKind.Deposit && e.Account == AccountKind.Wallet && e.At >= earliestDeposit && e.Amount.IsPositive))
            {
                var until = deposit.At.AddHours(rule.SpendWithinHours);
                var spent = history.Where(e => IsSpending(e.Kind) && e.Account == AccountKind.Wallet && e.At >= deposit.At && e.At <= until
                        && e.Reference is not null && sessionIds.Contains(e.Reference))
                    .Aggregate(Micros.Zero, (sum, e) => sum - e.Amount);
                if ((Int128)spent.Value * 100 < (Int128)deposit.Amount.Value * rule.SpendPercent)
                {
                    continue;
                }

                var evidence = new
                {
                    BuyerId = buyerId,
                    SellerId = sellerId,
                    DepositTransferId = deposit.TransferId,
                    DepositAt = deposit.At,
                    DepositUsdt = deposit.Amount.ToUsdtString(),
                    SpentWithSellerUsdt = spent.ToUsdtString(),
                    rule.SpendPercent,
                    rule.SpendWithinHours,
                    WithdrawalRequestedAt = now,
                    rule.WithdrawalWithinHours,
                };
                hits.Add(new FlagHit(sellerId, FraudRules.FastDepositSelfDealing, $"deposit:{deposit.TransferId}", evidence));
                hits.Add(new FlagHit(buyerId, FraudRules.FastDepositSelfDealing, $"deposit:{deposit.TransferId}", evidence));
            }
        }

        return hits;
    }
}
