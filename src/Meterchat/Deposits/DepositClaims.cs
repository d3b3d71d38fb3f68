using Meterchat.Chain;
using Meterchat.Data;
using Meterchat.Deposits.Matching;
using Meterchat.Ledger;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Node;
using Meterchat.Tron.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Deposits;

/// <summary>
/// A pasted TXID, checked in PRODUCT §3's order: well-formed; known to the node; succeeded (receipt SUCCESS, no
/// top-level FAILED); a Transfer log emitted by the USDT contract (the log decides: never the call data, the
/// return value or a token's name); paying the claimant's own address; a non-zero amount; not credited
/// before; in a solidified block. Which logs match is <see cref="TransferMatch"/>'s (shared with the watcher); then
/// every matching log is credited (through <see cref="DepositBook"/>).
/// </summary>
public sealed class DepositClaims(
    AppDbContext db,
    ITronNode node,
    DepositAddresses addresses,
    DepositBook book,
    IOptions<ChainOptions> chain,
    IOptionsMonitor<DepositOptions> options,
    TimeProvider time)
{
    public async Task<ClaimOutcome> ClaimAsync(string userId, string? txIdText, CancellationToken ct = default)
    {
        if (!TransactionId.TryParse(txIdText, out var id, out var error))
        {
            return new ClaimOutcome(ClaimOutcome.MalformedType, 400, $"That is not a TXID: {error}. Paste the 64 hex digits your wallet shows for the transfer.");
        }

        var txId = Hex.ToHex(id);
        var address = await addresses.GetOrCreateAsync(userId, ct);
        var outcome = await CheckAsync(userId, address.Address, txId, ct);
        if (outcome.Type == ClaimOutcome.PendingUnknownType && await TooManyPendingAsync(userId, txId, ct) is { } refused)
        {
            return refused;
        }

        await RememberAsync(userId, txId, outcome, ct);
        return outcome;
    }

    /// <summary>The cap on a user's waiting unknown TXIDs (a TXID already waiting is re-checked, not counted twice).</summary>
    private async Task<ClaimOutcome?> TooManyPendingAsync(string userId, string txId, CancellationToken ct)
    {
        var waiting = await db.Set<DepositClaim>().AsNoTracking()
            .Where(c => c.UserId == userId && c.ResolvedAt == null && c.Outcome == ClaimOutcome.PendingUnknownType)
            .Select(c => c.TxId).ToListAsync(ct);
        var cap = options.CurrentValue.MaxPendingUnknownClaimsPerUser;
        return waiting.Count < cap || waiting.Contains(txId, StringComparer.Ordinal)
            ? null
            : new ClaimOutcome(ClaimOutcome.TooManyPendingType, 429,
                $"The network does not know this transaction, and {waiting.Count} of your TXIDs it does not know yet are already waiting (at most {cap}). Check the TXID in your wallet; paste it again once one of those lands or after {options.CurrentValue.UnknownClaimWindow.TotalHours:0} hours.",
                txId);
    }

    /// <summary>Re-checks a remembered claim (the watcher calls it for unknown TXIDs).</summary>
    public async Task<ClaimOutcome> RecheckAsync(DepositClaim claim, CancellationToken ct = default)
    {
        var address = await addresses.GetOrCreateAsync(claim.UserId, ct);
        var outcome = await CheckAsync(claim.UserId, address.Address, claim.TxId, ct);
        await RememberAsync(claim.UserId, claim.TxId, outcome, ct);
        return outcome;
    }

    private async Task<ClaimOutcome> CheckAsync(string userId, string addressText, string txId, CancellationToken ct)
    {
        var info = await node.GetTransactionInfoByIdAsync(txId, NodeView.Head, ct);
        if (info is null)
        {
            return new ClaimOutcome(ClaimOutcome.PendingUnknownType, 202,
                $"The network does not know this transaction yet. We keep checking it for {options.CurrentValue.UnknownClaimWindow.TotalHours:0} hours and credit it when it lands.", txId);
        }

        var own = TronAddress.Parse(addressText);
        var match = TransferMatch.Of(info, chain.Value.Usdt, to => to == own ? userId : null);
        if (Refusal(match.Reason, txId, addressText, info) is { } refused)
        {
            return refused;
        }

        var toMe = match.Transfers.Select(t => new ObservedTransfer(txId, t.LogIndex, userId, addressText, t.Amount, info.BlockNumber)).ToList();
        var amountToMe = toMe.Sum(t => t.Amount);
        var indexes = toMe.Select(t => t.LogIndex).ToList();
        var known = await db.Set<Deposit>().AsNoTracking().Where(d => d.TxId == txId && indexes.Contains(d.LogIndex)).ToListAsync(ct);
        if (known.Count == toMe.Count && known.All(d => d.CreditedAt is not null))
        {
            return AlreadyCredited(txId, amountToMe);
        }

        var head = await node.GetNowBlockAsync(NodeView.Head, ct);
        var solid = await node.GetNowBlockAsync(NodeView.Solidified, ct);
        var final = info.BlockNumber <= solid.Number
            && await node.GetTransactionInfoByIdAsync(txId, NodeView.Solidified, ct) is { } solidInfo
            && solidInfo.BlockNumber == info.BlockNumber;
        await book.RecordAsync(toMe, final, ct: ct);
        if (!final)
        {
            var required = Math.Max(options.CurrentValue.ConfirmationsRequired, head.Number - solid.Number);
            var confirmations = Math.Clamp(head.Number - info.BlockNumber, 0, required - 1);
            return new ClaimOutcome(ClaimOutcome.ConfirmingType, 202,
                $"Found {Micros(amountToMe)} USDT to your address; confirming ({confirmations} of {required} blocks). It is credited by itself once final, about {(required - confirmations) * 3} seconds.", txId)
            {
                AmountMicros = amountToMe,
                Confirmations = confirmations,
                ConfirmationsRequired = required,
            };
        }

        // Only the caller whose ledger transfer made the credit says "Credited"; racing claims and the watcher
        // that found it done say "already credited".
        var credits = await book.CreditAsync([addressText], ct);
        bool Mine(Deposit d) => d.TxId == txId && indexes.Contains(d.LogIndex);
        if (credits.Credited.Any(Mine))
        {
            return new ClaimOutcome(ClaimOutcome.CreditedType, 200,
                $"Credited {Micros(amountToMe)} USDT = {new Micros(amountToMe).ToTokensString()} tokens to your wallet.", txId) { AmountMicros = amountToMe };
        }

        // Not left uncredited by that call: a racing claim or the watcher credited it.
        if (!credits.Uncredited.Any(Mine))
        {
            return AlreadyCredited(txId, amountToMe);
        }

        var minimum = new Micros(options.CurrentValue.MinimumMicros);
        return new ClaimOutcome(ClaimOutcome.BelowMinimumType, 200,
            $"Received {Micros(amountToMe)} USDT, below the {minimum.ToUsdtString()} USDT minimum: it is kept and credited together with your next deposits once they reach {minimum.ToUsdtString()} USDT.", txId)
        { AmountMicros = amountToMe };
    }

    private async Task RememberAsync(string userId, string txId, ClaimOutcome outcome, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        DateTimeOffset? resolved = outcome.IsOpen ? null : now;
        var updated = await db.Set<DepositClaim>().Where(c => c.UserId == userId && c.TxId == txId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Outcome, outcome.Type).SetProperty(c => c.ResolvedAt, resolved), ct);
        if (updated > 0 || !outcome.IsOpen)
        {
            return;
        }

        db.Add(new DepositClaim { UserId = userId, TxId = txId, CreatedAt = now, Outcome = outcome.Type });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same claim pasted twice at once: the other request remembered it.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>A match that credits nothing, as the claim's problem (TransferMatch's reasons, in the words PRODUCT §3 uses); null when it credits.</summary>
    private static ClaimOutcome? Refusal(TransferMatchReason reason, string txId, string addressText, TransactionInfo info) => reason switch
    {
        TransferMatchReason.Credits => null,
        TransferMatchReason.NoContractCall or TransferMatchReason.NoUsdtTransfer => NotUsdt(txId),
        TransferMatchReason.Failed => new ClaimOutcome(ClaimOutcome.FailedType, 422,
            $"This transaction failed on chain ({info.Receipt.Result}{(info.ResultMessage is { Length: > 0 } m ? ": " + m : "")}): no USDT moved. Nothing was credited.", txId),
        TransferMatchReason.OtherToken => new ClaimOutcome(ClaimOutcome.WrongTokenType, 422,
            "This transaction moved another token, not USDT: its Transfer was emitted by a contract other than the USDT contract (a fake USDT looks the same in a wallet). Nothing was credited.", txId),
        TransferMatchReason.ZeroAmount or TransferMatchReason.AmountTooLarge =>
            new ClaimOutcome(ClaimOutcome.ZeroAmountType, 422, "This transaction paid your address 0 USDT. Nothing to credit.", txId),
        TransferMatchReason.OtherAddress => new ClaimOutcome(ClaimOutcome.OtherAddressType, 422,
            $"This transaction paid USDT to someone else's address, not to your deposit address {addressText}. Only transfers to your own address are credited to you.", txId),
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "A reason without a claim outcome."),
    };

    private static ClaimOutcome AlreadyCredited(string txId, long amount) =>
        new(ClaimOutcome.AlreadyCreditedType, 409,
            $"This transaction was already credited: {Micros(amount)} USDT = {new Micros(amount).ToTokensString()} tokens.", txId) { AmountMicros = amount };

    private static ClaimOutcome NotUsdt(string txId) =>
        new(ClaimOutcome.NotUsdtType, 422, "This transaction is not a USDT transfer: it holds no USDT (TRC20) Transfer. Send USDT (TRC20) to your deposit address.", txId);

    private static string Micros(long amount) => new Micros(amount).ToUsdtString();
}
