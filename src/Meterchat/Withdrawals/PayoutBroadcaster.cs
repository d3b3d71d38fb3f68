using Meterchat.Chain;
using Meterchat.Data;
using Meterchat.Ledger;
using Meterchat.Observability;
using Meterchat.Tron.Node;
using Microsoft.Extensions.Options;

namespace Meterchat.Withdrawals;

/// <summary>
/// The sender's send stage: build and check the transfer, sign it, <b>store the signed bytes and TXID</b> (saved before
/// any node sees them), then broadcast; or mark the withdrawal waiting when the hot wallet cannot pay it yet.
/// </summary>
internal sealed class PayoutBroadcaster(
    ITronNode node,
    HotWallet wallet,
    TimeProvider time,
    WithdrawalsOptions options,
    ChainOptions chain,
    ILogger logger,
    MeterchatMetrics metrics)
{
    public Task WaitForFundsAsync(Withdrawal w, Micros availableUsdt, long trxSun)
    {
        var reason = $"Hot wallet has {availableUsdt.ToUsdtString()} USDT free and {trxSun / 1_000_000m:0.######} TRX; needs {new Micros(w.Net).ToUsdtString()} USDT and {options.FeeLimitSun / 1_000_000m:0.######} TRX for energy.";
        if (w.WaitForFunds(reason, time.GetUtcNow()))
        {
            logger.LogWarning("Payout {Withdrawal} waiting for hot wallet funds: {Reason}", w.Id, reason);
        }

        return Task.CompletedTask;
    }

    /// <param name="crashPoint">Test hook: called at "stored" (signed bytes saved, not broadcast) and "broadcast" (sent, result not recorded).</param>
    public async Task SendAsync(AppDbContext db, Withdrawal w, NodeBlock head, Action<string, Withdrawal>? crashPoint, CancellationToken ct)
    {
        var signed = PayoutTransaction.Build(w, head, chain.Usdt, wallet, time.GetUtcNow().ToUnixTimeMilliseconds(),
            (long)options.TransactionLifetime.TotalMilliseconds, options.FeeLimitSun);
        w.MarkSigned(signed.ToHex(), signed.TxIdHex, signed.Raw.Expiration, time.GetUtcNow());
        // The claim: saved before any node sees the bytes. A concurrent sender's save fails on the version.
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Payout {Withdrawal} signed as {TxId} (attempt {Attempt})", w.Id, w.TxId, w.Attempts);
        crashPoint?.Invoke("stored", w);

        var result = await node.BroadcastHexAsync(w.SignedHex!, ct);
        crashPoint?.Invoke("broadcast", w);
        Record(w, result);
    }

    /// <summary>A node's answer to the stored bytes: accepted (or already known) moves Stored → Broadcast; a refusal keeps the bytes for a retry.</summary>
    public void Record(Withdrawal w, BroadcastResult result)
    {
        if (result.Result || result.IsDuplicate)
        {
            if (w.MarkBroadcast(time.GetUtcNow()))
            {
                metrics.PayoutBroadcast(time.GetUtcNow() - w.CreatedAt);
            }
        }
        else
        {
            // Refused (e.g. TAPOS or expiration): keep the bytes; they are retried until proven expired and absent.
            logger.LogWarning("Payout {Withdrawal} {TxId} refused by the node: {Code} {Message}", w.Id, w.TxId, result.Code, result.Message);
            w.NoteBroadcastRefused($"{result.Code} {result.Message}".Trim());
        }
    }
}
