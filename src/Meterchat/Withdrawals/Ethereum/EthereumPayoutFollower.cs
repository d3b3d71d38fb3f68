using System.Numerics;
using Meterchat.Data;
using Meterchat.Ethereum;
using Meterchat.Ledger;
using Meterchat.Observability;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.JsonRpc.Client;
using Nethereum.Model;

namespace Meterchat.Withdrawals.Ethereum;

/// <summary>
/// Follows a stored Ethereum payout: rebroadcast the <b>same bytes</b> until mined (harmless: see
/// <see cref="EthereumNode.BroadcastAsync"/>), record the block and the real gas cost, and once the block is final
/// (<c>Ethereum:Confirmations</c> or the finalized tag) book it: status 1 → paid + fee, <c>Completed</c>; status 0
/// (reverted) → release, <c>Failed</c>. Two ways a transaction is given up, both proven by the chain:
/// <list type="bullet">
/// <item>no node has it and it is refused again while its nonce is still free (dropped, e.g. under the base fee): it is
/// <b>replaced with the same nonce</b> and a higher fee, so at most one of the two can ever be mined (both are followed);</item>
/// <item>its nonce was mined by a transaction that is none of ours: none of ours can land any more, so a new one is built.</item>
/// </list>
/// </summary>
internal sealed class EthereumPayoutFollower(
    EthereumNode node,
    EthereumHotWallet wallet,
    ILedger ledger,
    TimeProvider time,
    EthereumPayoutOptions options,
    ILogger logger,
    MeterchatMetrics metrics)
{
    public async Task FollowAsync(AppDbContext db, Withdrawal w, BigInteger minedNonce, long finalBlock, Action<string, Withdrawal>? crashPoint, CancellationToken ct)
    {
        var receipt = await ReceiptOfAnyAsync(w, ct);
        if (receipt is null)
        {
            if (minedNonce > w.Nonce)
            {
                logger.LogWarning("Ethereum payout {Withdrawal}: nonce {Nonce} was used by another transaction; a new one will be built", w.Id, w.Nonce);
                w.Expire($"Nonce {w.Nonce} was used by another transaction; rebuilt.", time.GetUtcNow());
                return;
            }

            await BroadcastAsync(w, crashPoint: null, ct, replaceIfDropped: db);
            return;
        }

        var block = (long)receipt.BlockNumber.Value;
        var gasUsed = (long)receipt.GasUsed.Value;
        w.MarkInBlock(block, checked((long)(receipt.GasUsed.Value * (receipt.EffectiveGasPrice?.Value ?? BigInteger.Zero))), gasUsed, time.GetUtcNow());
        if (block > finalBlock)
        {
            return;
        }

        if (receipt.Status?.Value == BigInteger.One)
        {
            PayoutTransfers.EnsureBooked(await ledger.TransferBatchAsync([PayoutTransfers.Paid(w), PayoutTransfers.Fee(w)], ct), w);
            w.Confirm(time.GetUtcNow());
            metrics.PayoutFinal(succeeded: true, time.GetUtcNow() - w.CreatedAt);
            logger.LogInformation("Ethereum payout {Withdrawal} {Hash} final in block {Block}; gas {Gas}", w.Id, w.TxId, block, gasUsed);
        }
        else
        {
            PayoutTransfers.EnsureBooked([await ledger.TransferAsync(PayoutTransfers.Release(w), ct)], w);
            w.Fail("Reverted on chain (receipt status 0): the token refused the transfer.", time.GetUtcNow());
            metrics.PayoutFinal(succeeded: false, time.GetUtcNow() - w.CreatedAt);
            logger.LogWarning("Ethereum payout {Withdrawal} {Hash} reverted; funds returned to earnings", w.Id, w.TxId);
        }
    }

    /// <summary>
    /// Sends the stored bytes (again). Accepted or already known → Broadcast. Refused: with
    /// <paramref name="replaceIfDropped"/> and no node holding the transaction, it is replaced with the same nonce;
    /// otherwise the refusal is noted and the bytes are kept for the next pass.
    /// </summary>
    public async Task BroadcastAsync(Withdrawal w, Action<string, Withdrawal>? crashPoint, CancellationToken ct, AppDbContext? replaceIfDropped = null)
    {
        try
        {
            await node.BroadcastAsync(w.SignedHex!.HexToByteArray(), ct);
            crashPoint?.Invoke("broadcast", w);
            if (w.MarkBroadcast(time.GetUtcNow()))
            {
                metrics.PayoutBroadcast(time.GetUtcNow() - w.CreatedAt);
            }
        }
        catch (RpcResponseException e)
        {
            logger.LogWarning("Ethereum payout {Withdrawal} {Hash} refused by the node: {Message}", w.Id, w.TxId, e.Message);
            if (replaceIfDropped is not null && await node.TransactionAsync(w.TxId!, ct) is null)
            {
                await ReplaceAsync(replaceIfDropped, w, e.Message, ct);
                return;
            }

            w.NoteBroadcastRefused(e.Message.Length > 300 ? e.Message[..300] : e.Message);
        }
    }

    /// <summary>Same nonce, fresh fee at least 1/8 above the old one (what nodes ask of a replacement); stored, then sent.</summary>
    private async Task ReplaceAsync(AppDbContext db, Withdrawal w, string why, CancellationToken ct)
    {
        var old = (Transaction1559)TransactionFactory.CreateTransaction(w.SignedHex!.HexToByteArray());
        var token = EthereumAddress.Parse(old.ReceiverAddress);
        var now = await node.EstimateFeeAsync(wallet.Address!, wallet.Address, BigInteger.Zero, null, ct);
        var fee = new EthereumFee(
            BigInteger.Max(now.MaxFeePerGas, Bumped(old.MaxFeePerGas ?? 0)),
            BigInteger.Max(now.MaxPriorityFeePerGas, Bumped(old.MaxPriorityFeePerGas ?? 0)),
            old.GasLimit ?? options.PayoutGasLimit);
        var signed = EthereumSigner.Sign(wallet.Key, node.Options.ChainId, old.Nonce ?? throw new InvalidOperationException("Stored payout without a nonce."),
            fee, token, BigInteger.Zero, EthereumPayoutTransaction.TransferData(w));
        EthereumPayoutTransaction.Check(signed, w, token, wallet.Address!, node.Options.ChainId);
        w.Replace(signed.Raw.ToHex(true), signed.Hash, $"Replaced (same nonce, higher fee) after the node refused it: {(why.Length > 200 ? why[..200] : why)}", time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        logger.LogWarning("Ethereum payout {Withdrawal} replaced by {Hash} with the same nonce {Nonce}", w.Id, w.TxId, w.Nonce);
        await BroadcastAsync(w, crashPoint: null, ct);
    }

    /// <summary>The receipt of the current transaction or of one it replaced (same nonce: at most one of them is mined).</summary>
    private async Task<Nethereum.RPC.Eth.DTOs.TransactionReceipt?> ReceiptOfAnyAsync(Withdrawal w, CancellationToken ct)
    {
        foreach (var hash in (w.ReplacedTxIds?.Split(',') ?? []).Prepend(w.TxId!))
        {
            if (await node.ReceiptAsync(hash, ct) is { } receipt)
            {
                if (hash != w.TxId)
                {
                    w.FoundMined(hash);
                }

                return receipt;
            }
        }

        return null;
    }

    private static BigInteger Bumped(BigInteger value) => value + value / 8 + 1;
}
