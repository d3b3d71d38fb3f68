using Meterchat.Chain;
using Meterchat.Data;
using Meterchat.Ledger;
using Meterchat.Observability;
using Meterchat.Tron.Node;
using Microsoft.Extensions.Options;

namespace Meterchat.Withdrawals;

/// <summary>
/// USDT on TRON: follow stored transactions (<see cref="PayoutFollower"/>), then send the approved ones the hot wallet
/// can pay (<see cref="PayoutBroadcaster"/>: build, check, sign, <b>store the signed bytes and TXID</b>, broadcast).
/// </summary>
internal sealed class TronPayouts(
    ITronNode node,
    HotWallet wallet,
    ILedger ledger,
    TimeProvider time,
    IOptions<WithdrawalsOptions> options,
    IOptions<ChainOptions> chain,
    ILogger<PayoutSender> logger,
    MeterchatMetrics metrics) : IPayoutNetwork
{
    private readonly PayoutBroadcaster _broadcaster = new(node, wallet, time, options.Value, chain.Value, logger, metrics);
    private PayoutFollower? _follower;

    public PayoutNetwork Network => PayoutNetwork.Tron;

    private PayoutFollower Follower => _follower ??= new(node, ledger, _broadcaster, time, options.Value, logger, metrics);

    public async Task PassAsync(AppDbContext db, IReadOnlyList<Withdrawal> active, PayoutStep step, Action<string, Withdrawal>? crashPoint, CancellationToken ct)
    {
        if (active.Count == 0)
        {
            return;
        }

        var head = await node.GetNowBlockAsync(NodeView.Head, ct);
        foreach (var w in active.Where(w => w.Status is WithdrawalStatus.Stored or WithdrawalStatus.Broadcast or WithdrawalStatus.InBlock))
        {
            await step(w, () => Follower.FollowAsync(w, head, ct));
        }

        var toSend = active.Where(w => w.Status is WithdrawalStatus.Approved or WithdrawalStatus.WaitingForFunds).ToList();
        if (toSend.Count == 0)
        {
            return;
        }

        var usdt = new Micros((long)await node.GetTrc20BalanceAsync(chain.Value.Usdt, wallet.Address, ct));
        var trx = (await node.GetAccountAsync(wallet.Address, ct))?.BalanceSun ?? 0;
        // USDT promised to transactions not yet in a block is still in the balance: count it as spent.
        var reserved = new Micros(active.Where(w => w.Status is WithdrawalStatus.Stored or WithdrawalStatus.Broadcast).Sum(w => w.Net));
        foreach (var w in toSend)
        {
            var available = usdt - reserved;
            if (available.Value < w.Net || trx < options.Value.FeeLimitSun)
            {
                await step(w, () => _broadcaster.WaitForFundsAsync(w, available, trx));
                continue;
            }

            await step(w, () => _broadcaster.SendAsync(db, w, head, crashPoint, ct));
            reserved += new Micros(w.Net);
        }
    }
}
