using Meterchat.Ledger;
using Meterchat.Observability;
using Meterchat.Tron.Node;

namespace Meterchat.Withdrawals;

/// <summary>
/// The sender's follow stage: rebroadcast the stored bytes until they land, follow them to the solidified head and
/// book the result (success: <see cref="PayoutTransfers.Paid"/> and <see cref="PayoutTransfers.Fee"/>; failure:
/// <see cref="PayoutTransfers.Release"/>). Only a transaction proven expired (head block time past its expiration)
/// and absent is given up, so a new one can be built.
/// </summary>
internal sealed class PayoutFollower(
    ITronNode node,
    ILedger ledger,
    PayoutBroadcaster broadcaster,
    TimeProvider time,
    WithdrawalsOptions options,
    ILogger logger,
    MeterchatMetrics metrics)
{
    public async Task FollowAsync(Withdrawal w, NodeBlock head, CancellationToken ct)
    {
        var txId = w.TxId!;
        var info = await node.GetTransactionInfoByIdAsync(txId, NodeView.Head, ct);
        if (info is null)
        {
            if (head.Timestamp.ToUnixTimeMilliseconds() > w.ExpirationMs && await node.GetTransactionByIdAsync(txId, ct) is null)
            {
                // Expired by the chain's own clock and in no block: it can never land. Only now may a new one be built.
                logger.LogWarning("Payout {Withdrawal} {TxId} expired and absent; a new transaction will be built", w.Id, txId);
                w.Expire($"Transaction {txId} expired unconfirmed; rebuilt.", time.GetUtcNow());
                return;
            }

            broadcaster.Record(w, await node.BroadcastHexAsync(w.SignedHex!, ct));
            return;
        }

        w.MarkInBlock(info.BlockNumber, info.Fee, info.Receipt.EnergyUsageTotal, time.GetUtcNow());
        var final = await node.GetTransactionInfoByIdAsync(txId, NodeView.Solidified, ct);
        if (final is null)
        {
            return;
        }

        if (final.ContractSucceeded)
        {
            PayoutTransfers.EnsureBooked(await ledger.TransferBatchAsync([PayoutTransfers.Paid(w), PayoutTransfers.Fee(w)], ct), w);
            w.Confirm(time.GetUtcNow());
            metrics.PayoutFinal(succeeded: true, SinceSigned(w));
            logger.LogInformation("Payout {Withdrawal} {TxId} final in block {Block}; chain cost {Fee} sun", w.Id, txId, info.BlockNumber, info.Fee);
        }
        else
        {
            PayoutTransfers.EnsureBooked([await ledger.TransferAsync(PayoutTransfers.Release(w), ct)], w);
            w.Fail($"Failed on chain: {final.Receipt.Result} {final.ResultMessage}".Trim(), time.GetUtcNow());
            metrics.PayoutFinal(succeeded: false, SinceSigned(w));
            logger.LogWarning("Payout {Withdrawal} {TxId} failed on chain ({Result}); funds returned to earnings", w.Id, txId, final.Receipt.Result);
        }
    }

    /// <summary>Signed (and broadcast at once) when the head was at its expiration minus the lifetime: no column needed.</summary>
    private TimeSpan SinceSigned(Withdrawal w) =>
        time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(w.ExpirationMs ?? 0) + options.TransactionLifetime;
}
