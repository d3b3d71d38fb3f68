using Meterchat.Ledger;
using Microsoft.Extensions.Options;

namespace Meterchat.Trust.Fraud;

/// <summary>
/// Rule: a seller with at least the minimum of charged sessions, more of which were refunded (automatic refunds
/// and dispute refunds, from the ledger) than the allowed share.
/// </summary>
public sealed class UnusualRefundRate(ILedger ledger, IOptions<FraudOptions> options)
{
    private const int HistoryLimit = 10_000;

    public async Task<IReadOnlyList<FlagHit>> CheckSellerAsync(string sellerId, CancellationToken ct)
    {
        var rule = options.Value.UnusualRefundRate;
        if (!rule.Enabled)
        {
            return [];
        }

        var history = await ledger.GetHistoryAsync(sellerId, HistoryLimit, cancellationToken: ct);
        var charged = history.Where(e => e.Kind == TransferKind.ChatUnit && e.Account == AccountKind.Earnings && e.Reference is not null)
            .Select(e => e.Reference!).ToHashSet(StringComparer.Ordinal);
        if (charged.Count < rule.MinSessions)
        {
            return [];
        }

        var refunded = history.Where(e => e.Kind is TransferKind.Refund or TransferKind.DisputeRefund && e.Reference is not null && charged.Contains(e.Reference))
            .Select(e => e.Reference!).ToHashSet(StringComparer.Ordinal);
        if (refunded.Count * 100L <= charged.Count * (long)rule.MaxRefundedPercent)
        {
            return [];
        }

        var evidence = new
        {
            Sessions = charged.Count,
            RefundedSessions = refunded.Count,
            RefundedPercent = refunded.Count * 100 / charged.Count,
            rule.MaxRefundedPercent,
            rule.MinSessions,
            RefundedSessionIds = refunded.Take(20).ToList(),
        };
        // A new flag only when more sessions were refunded than at the last one (a cleared flag stays cleared).
        return [new FlagHit(sellerId, FraudRules.UnusualRefundRate, $"refunded:{refunded.Count}", evidence)];
    }
}
