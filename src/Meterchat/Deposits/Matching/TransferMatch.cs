using Meterchat.Tron.Encoding;
using Meterchat.Tron.Node;

namespace Meterchat.Deposits.Matching;

/// <summary>
/// The one rule for which logs of a transaction credit a deposit, used by a pasted TXID (<c>DepositClaims</c>, owner:
/// the claimant's address only) and by the block scan (<c>DepositWatcher</c>, owner: every deposit address). Pure:
/// no node, no database. The log decides (PRODUCT §3): a TRC20 Transfer log emitted by the configured USDT contract,
/// paying a deposit address a non-zero amount that fits in µUSDT, in a transaction that succeeded — never the call
/// data, the return value or a token's name. Finality, the minimum and "credited before" are the callers' checks.
/// </summary>
public sealed record TransferMatch(TransferMatchReason Reason, IReadOnlyList<MatchedTransfer> Transfers)
{
    /// <summary>The transfers that credit, or none with the first reason (in <see cref="TransferMatchReason"/>'s order) why not.</summary>
    /// <param name="info">The transaction's execution record and logs (<c>gettransactioninfobyid</c>).</param>
    /// <param name="usdt">The USDT contract: only its logs count.</param>
    /// <param name="ownerOf">The user who owns a deposit address, or null when it is none (of the ones asked about).</param>
    public static TransferMatch Of(TransactionInfo info, TronAddress usdt, Func<TronAddress, string?> ownerOf)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(ownerOf);

        // A plain TRX (or TRC10, or any non-contract) transfer executes no contract: its receipt has no result at
        // all, as on mainnet. That is a success, just not a USDT transfer; "failed" only when the chain says so.
        if (info.Receipt.Result is null && !info.Failed)
        {
            return None(TransferMatchReason.NoContractCall);
        }

        if (!info.ContractSucceeded)
        {
            return None(TransferMatchReason.Failed);
        }

        var otherToken = false;
        var usdtTransfers = 0;
        var zero = false;
        var tooLarge = false;
        List<MatchedTransfer>? credits = null;
        for (var i = 0; i < info.Logs.Count; i++)
        {
            var log = info.Logs[i];
            if (!log.TryDecodeTransfer(out var transfer))
            {
                continue;
            }

            if (log.Address != usdt)
            {
                otherToken = true;
                continue;
            }

            usdtTransfers++;
            if (ownerOf(transfer.To) is not { } userId)
            {
                continue;
            }

            if (transfer.Amount.IsZero)
            {
                zero = true;
                continue;
            }

            if (!transfer.TryGetAmountAsInt64(out var amount, out _))
            {
                tooLarge = true;
                continue;
            }

            (credits ??= []).Add(new MatchedTransfer(i, transfer.To, userId, amount));
        }

        return credits is not null ? new TransferMatch(TransferMatchReason.Credits, credits)
            : usdtTransfers == 0 ? None(otherToken ? TransferMatchReason.OtherToken : TransferMatchReason.NoUsdtTransfer)
            : tooLarge ? None(TransferMatchReason.AmountTooLarge)
            : zero ? None(TransferMatchReason.ZeroAmount)
            : None(TransferMatchReason.OtherAddress);
    }

    private static TransferMatch None(TransferMatchReason reason) => new(reason, []);
}
