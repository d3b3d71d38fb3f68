using System.Numerics;
using Meterchat.Data;
using Meterchat.Ethereum;
using Meterchat.Ledger;
using Meterchat.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.JsonRpc.Client;

namespace Meterchat.Withdrawals.Ethereum;

/// <summary>
/// USDT and USDC on Ethereum, with TRON's crash safety: follow the stored transactions first
/// (<see cref="EthereumPayoutFollower"/>), then for each approved one check the hot wallet's token and ETH, sign with
/// the next nonce, read the bytes back, <b>store the raw bytes, hash and nonce</b> (saved before any node sees them), then
/// broadcast. Nonces: the node's pending nonce, never below one past the highest nonce any stored payout holds (a row
/// saved before a restart and never broadcast keeps its nonce), and signing is one at a time (<see cref="EthereumNode"/>).
/// </summary>
internal sealed class EthereumPayouts(
    EthereumNode node,
    EthereumHotWallet wallet,
    EthereumPayoutFees fees,
    ILedger ledger,
    TimeProvider time,
    IOptions<EthereumPayoutOptions> options,
    ILogger<PayoutSender> logger,
    MeterchatMetrics metrics) : IPayoutNetwork
{
    private readonly EthereumPayoutFollower _follower = new(node, wallet, ledger, time, options.Value, logger, metrics);

    public PayoutNetwork Network => PayoutNetwork.Ethereum;

    public async Task PassAsync(AppDbContext db, IReadOnlyList<Withdrawal> active, PayoutStep step, Action<string, Withdrawal>? crashPoint, CancellationToken ct)
    {
        var signed = active.Where(w => w.Status is WithdrawalStatus.Stored or WithdrawalStatus.Broadcast or WithdrawalStatus.InBlock).ToList();
        var toSend = active.Where(w => w.Status is WithdrawalStatus.Approved or WithdrawalStatus.WaitingForFunds).ToList();
        if (!node.Options.Enabled || !wallet.CanSign || wallet.Address is not { } hot)
        {
            foreach (var w in toSend)
            {
                await step(w, () => WaitAsync(w, "Ethereum payouts are off on this server (Ethereum:RpcUrl or Ethereum:HotWalletKey missing)."));
            }

            return;
        }

        if (signed.Count > 0)
        {
            // Read before any receipt: a nonce mined by now whose transaction has no receipt of ours is someone else's.
            var minedNonce = await node.MinedNonceAsync(hot, ct);
            var final = await node.FinalBlockNumberAsync(ct);
            foreach (var w in signed)
            {
                await step(w, () => _follower.FollowAsync(db, w, minedNonce, final, crashPoint, ct));
            }
        }

        if (toSend.Count == 0)
        {
            return;
        }

        var held = await db.Set<Withdrawal>().Where(w => w.Network == PayoutNetwork.Ethereum && w.Nonce != null).MaxAsync(w => w.Nonce, ct);
        if (held is { } nonce)
        {
            await node.NoteNonceInUseAsync(hot, nonce, ct);
        }

        var ether = await node.EtherBalanceAsync(hot, ct);
        var balances = new Dictionary<string, BigInteger>();
        // Tokens promised to transactions not yet in a block are still in the balance: count them as spent.
        var reserved = active.Where(w => w.Status is WithdrawalStatus.Stored or WithdrawalStatus.Broadcast)
            .GroupBy(w => w.Asset).ToDictionary(g => g.Key, g => new BigInteger(g.Sum(w => w.Net)));
        foreach (var w in toSend)
        {
            var (token, off) = fees.TokenOf(w.Asset);
            if (off is not null)
            {
                await step(w, () => WaitAsync(w, off.Detail));
                continue;
            }

            if (!balances.TryGetValue(w.Asset, out var balance))
            {
                balances[w.Asset] = balance = await node.TokenBalanceAsync(token!, hot, ct);
            }

            var available = balance - reserved.GetValueOrDefault(w.Asset);
            var fee = available >= w.Net ? await EstimateAsync(hot, token!, w, ct) : null;
            if (fee is null || ether < fee.MaxCostWei)
            {
                var reason = $"Hot wallet has {new Micros((long)BigInteger.Max(available, 0)).ToUsdtString()} {w.Asset} free and {Ether(ether)} ETH; needs {new Micros(w.Net).ToUsdtString()} {w.Asset}"
                    + (fee is null ? "." : $" and {Ether(fee.MaxCostWei)} ETH for gas.");
                await step(w, () => WaitAsync(w, reason));
                continue;
            }

            await step(w, () => SendAsync(db, w, token!, hot, fee, crashPoint, ct));
            reserved[w.Asset] = reserved.GetValueOrDefault(w.Asset) + w.Net;
            ether -= fee.MaxCostWei;
        }
    }

    /// <summary>Sign, check, <b>store</b>, then broadcast; a refusal by the node keeps the bytes for the follower.</summary>
    private async Task SendAsync(AppDbContext db, Withdrawal w, EthereumAddress token, EthereumAddress hot, EthereumFee fee, Action<string, Withdrawal>? crashPoint, CancellationToken ct)
    {
        var signed = await node.SignNextAsync(wallet.Key, token, BigInteger.Zero, EthereumPayoutTransaction.TransferData(w), fee, ct);
        EthereumPayoutTransaction.Check(signed, w, token, hot, node.Options.ChainId);
        w.MarkSigned(signed.Raw.ToHex(true), signed.Hash, null, time.GetUtcNow(), (long)signed.Nonce);
        // The claim: saved before any node sees the bytes. A concurrent sender's save fails on the version.
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Ethereum payout {Withdrawal} signed as {Hash} with nonce {Nonce}", w.Id, w.TxId, w.Nonce);
        crashPoint?.Invoke("stored", w);

        await _follower.BroadcastAsync(w, crashPoint, ct);
    }

    /// <summary>
    /// The fee of this transfer; when the node cannot estimate it (the call would revert, e.g. the token blocks the
    /// recipient) the configured gas limit: it is sent anyway, and a revert on chain returns the funds like TRON's.
    /// </summary>
    private async Task<EthereumFee> EstimateAsync(EthereumAddress hot, EthereumAddress token, Withdrawal w, CancellationToken ct)
    {
        try
        {
            return await node.EstimateTokenTransferFeeAsync(hot, token, EthereumAddress.Parse(w.ToAddress), new BigInteger(w.Net), ct);
        }
        catch (RpcResponseException e)
        {
            logger.LogWarning("Ethereum payout {Withdrawal}: the node cannot estimate the transfer ({Message}); using the configured gas limit", w.Id, e.Message);
            var plain = await node.EstimateFeeAsync(hot, hot, BigInteger.Zero, null, ct);
            return plain with { GasLimit = options.Value.PayoutGasLimit };
        }
    }

    private Task WaitAsync(Withdrawal w, string reason)
    {
        if (w.WaitForFunds(reason, time.GetUtcNow()))
        {
            logger.LogWarning("Ethereum payout {Withdrawal} waiting: {Reason}", w.Id, reason);
        }

        return Task.CompletedTask;
    }

    private static string Ether(BigInteger wei) => ((decimal)(wei / BigInteger.Pow(10, 12)) / 1_000_000m).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
}
