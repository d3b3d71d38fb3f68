using Meterchat.Audit;
using Meterchat.Chain;
using Meterchat.Data;
using Meterchat.Ledger;
using Meterchat.Reserves;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Node;
using Meterchat.Tron.Transactions;
using Meterchat.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Withdrawals;

/// <summary>The operator's view of the hot wallet, and the sweep of a deposit address into it.</summary>
public sealed class Treasury(
    AppDbContext db,
    ITronNode node,
    HotWallet wallet,
    LedgerAuditor auditor,
    AdminAuditLog audit,
    TimeProvider time,
    IOptions<WithdrawalsOptions> options,
    IOptions<ChainOptions> chain,
    ILogger<Treasury> logger)
{
    public const string SweepAction = "treasury.sweep";

    /// <summary>Sweeps on this node run one at a time.</summary>
    private static readonly SemaphoreSlim Sweeping = new(1, 1);

    public async Task<TreasuryView> ViewAsync(CancellationToken ct)
    {
        Micros? usdt = null;
        long? trx = null;
        string? unavailable = null;
        try
        {
            usdt = new Micros((long)await node.GetTrc20BalanceAsync(chain.Value.Usdt, wallet.Address, ct));
            trx = (await node.GetAccountAsync(wallet.Address, ct))?.BalanceSun ?? 0;
        }
        catch (TronNodeException e)
        {
            // The rest of the view comes from the database (and Ethereum's node): shown, with the TRON part marked unknown.
            logger.LogWarning(e, "Treasury: the TRON node could not be read");
            (usdt, trx, unavailable) = (null, null, TronNodeUnreachable.Reason);
        }

        var audit = await auditor.RunAsync(ct);
        var waiting = await db.Set<Withdrawal>().AsNoTracking()
            .Where(w => w.Status == WithdrawalStatus.InReview || w.Status == WithdrawalStatus.Approved || w.Status == WithdrawalStatus.WaitingForFunds
                || w.Status == WithdrawalStatus.Stored || w.Status == WithdrawalStatus.Broadcast || w.Status == WithdrawalStatus.InBlock)
            .OrderBy(w => w.Id).Take(200).ToListAsync(ct);
        var recent = await db.Set<Withdrawal>().AsNoTracking()
            .Where(w => w.Status == WithdrawalStatus.Completed || w.Status == WithdrawalStatus.Failed)
            .OrderByDescending(w => w.Id).Take(50).ToListAsync(ct);
        return new TreasuryView(wallet.Address.ToBase58(), usdt, trx, audit, waiting, recent, unavailable);
    }

    /// <summary>
    /// Sweeps a deposit address into the hot wallet with its key, given for this call only and never stored.
    /// An address without TRX for energy first gets it from the hot wallet (which also activates it): call again
    /// once that transfer is in a block to send the USDT.
    /// </summary>
    public async Task<(SweepResult?, Problem?)> SweepAsync(SweepRequest request, AdminActor admin, CancellationToken ct)
    {
        TronKey key;
        try
        {
            key = !string.IsNullOrWhiteSpace(request.PrivateKey)
                ? TronKey.FromHex(request.PrivateKey.Trim())
                : !string.IsNullOrWhiteSpace(request.Mnemonic) && request.Index is { } index
                    ? DepositKeys.PrivateKeyAt(request.Mnemonic.Trim(), index)
                    : throw new FormatException("Give the deposit address's private key (hex), or the mnemonic and the address index.");
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return (null, WithdrawalProblems.Of(WithdrawalProblems.BadKey, 400, "Invalid key", e.Message));
        }

        using (key)
        {
            // One sweep at a time (sweeps are rare; a double-click must not pay energy twice or race its own USDT
            // transfer), and none while this address's last sweep transaction is still on its way.
            await Sweeping.WaitAsync(ct);
            try
            {
                return await SweepAsync(key, admin, ct);
            }
            catch (TronNodeException e)
            {
                logger.LogWarning(e, "Sweep of {Address}: the TRON node could not be read", key.Address);
                return (null, new Problem(503, ReservesProblems.ChainUnavailable, "Chain unavailable",
                    $"{TronNodeUnreachable.Reason} The sweep was not done (when it failed while sending, look the address up before sweeping again). Try again shortly."));
            }
            finally
            {
                Sweeping.Release();
            }
        }
    }

    private async Task<(SweepResult?, Problem?)> SweepAsync(TronKey key, AdminActor admin, CancellationToken ct)
    {
        var address = key.Address;
        if (address == wallet.Address)
        {
            return (null, WithdrawalProblems.Of(WithdrawalProblems.BadKey, 400, "Invalid key", "That is the hot wallet's own key."));
        }

        if (await InFlightAsync(address, ct) is { } inFlight)
        {
            return (null, WithdrawalProblems.Of(WithdrawalProblems.SweepInProgress, 409, "Sweep in progress",
                $"The last sweep transaction of {address} ({inFlight}) is not in a block yet. Wait a few seconds, then sweep again."));
        }

        var usdt = chain.Value.Usdt;
        var balance = (long)await node.GetTrc20BalanceAsync(usdt, address, ct);
        if (balance <= 0)
        {
            return (null, WithdrawalProblems.Of(WithdrawalProblems.NothingToSweep, 409, "Nothing to sweep", $"{address} holds no USDT."));
        }

        var head = await node.GetNowBlockAsync(NodeView.Head, ct);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var expiration = head.Timestamp.ToUnixTimeMilliseconds() + (long)options.Value.TransactionLifetime.TotalMilliseconds;
        var trx = (await node.GetAccountAsync(address, ct))?.BalanceSun ?? 0;
        var need = options.Value.SweepEnergySun;
        SignedTransaction signed;
        string step;
        if (trx < need)
        {
            var raw = TransactionRaw.Create(head.ToTapos(), expiration, now, 0, new TransferContract(wallet.Address, address, need - trx));
            signed = SignedTransaction.Sign(raw, wallet.Key);
            step = "energy";
        }
        else
        {
            var raw = TransactionRaw.Create(head.ToTapos(), expiration, now, need,
                new TriggerSmartContract(address, usdt, 0, Trc20.EncodeTransfer(wallet.Address, (ulong)balance)));
            signed = SignedTransaction.Sign(raw, key);
            step = "sweep";
        }

        var result = await node.BroadcastHexAsync(signed.ToHex(), ct);
        if (!result.Result && !result.IsDuplicate)
        {
            return (null, WithdrawalProblems.Of(WithdrawalProblems.SweepRefused, 502, "Node refused the transaction", $"{result.Code} {result.Message}".Trim()));
        }

        logger.LogInformation("Sweep of {Address}: {Step} transaction {TxId}", address, step, signed.TxIdHex);
        await audit.RecordAsync(admin, SweepAction, $"address:{address.ToBase58()}", "",
            new { Step = step, TxId = signed.TxIdHex, Usdt = new Micros(balance).ToUsdtString() }, ct);
        var detail = step == "energy"
            ? $"Sent {(need - trx) / 1_000_000m:0.######} TRX for energy to {address}. Once it is in a block (a few seconds), sweep again with the same key to move its {new Micros(balance).ToUsdtString()} USDT."
            : $"Sweeping {new Micros(balance).ToUsdtString()} USDT from {address} into the hot wallet.";
        return (new SweepResult(address.ToBase58(), step, signed.TxIdHex, new Micros(balance).ToUsdtString(), detail), null);
    }

    /// <summary>The TXID of this address's last sweep if it may still land: younger than a transaction's lifetime and in no block yet.</summary>
    private async Task<string?> InFlightAsync(TronAddress address, CancellationToken ct)
    {
        var target = $"address:{address.ToBase58()}";
        var since = time.GetUtcNow() - options.Value.TransactionLifetime;
        var last = await audit.LastDetailsAsync(SweepAction, target, since, ct);
        if (last is null)
        {
            return null;
        }

        using var details = System.Text.Json.JsonDocument.Parse(last);
        var txId = details.RootElement.TryGetProperty("txId", out var t) ? t.GetString() : null;
        return txId is not null && await node.GetTransactionInfoByIdAsync(txId, NodeView.Head, ct) is null ? txId : null;
    }
}

/// <summary>
/// The treasury now. <see cref="HotUsdt"/> and <see cref="HotTrxSun"/> are null (unknown, never zero) when the TRON
/// node could not be read; <see cref="TronUnavailable"/> then says so.
/// </summary>
public sealed record TreasuryView(string HotWallet, Micros? HotUsdt, long? HotTrxSun, AuditReport Audit, IReadOnlyList<Withdrawal> Waiting, IReadOnlyList<Withdrawal> Recent, string? TronUnavailable = null);

/// <summary>A sweep: the deposit address's private key (hex), or the mnemonic/xprv and the address index.</summary>
public sealed record SweepRequest(string? PrivateKey = null, string? Mnemonic = null, uint? Index = null);

public sealed record SweepResult(string Address, string Step, string TxId, string Usdt, string Detail);
