using System.Numerics;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;
using Microsoft.Extensions.Logging;

namespace Meterchat.DevChain;

public sealed partial class DevChainNode
{
    private const string TransferSignature = "transfer(address,uint256)";

    private static readonly string ZeroWord = new('0', 64);

    /// <summary>
    /// Seals the next block: executes the pending transactions in order (dropping any that expired or whose
    /// TRX transfer no longer fits the balance, as a node would), records their results and logs, and
    /// saves the state when <see cref="DevChainOptions.StatePath"/> is set. Its timestamp is the clock's
    /// now (1 ms after the previous block when the clock has not moved).
    /// </summary>
    public DevChainBlock ProduceBlock()
    {
        lock (_lock)
        {
            var number = _head.Number + 1;
            var timestamp = Math.Max(NowMs(), _head.Timestamp + 1);
            var included = new List<TxRecord>();
            foreach (var tx in _pending)
            {
                if (tx.Raw.Expiration <= timestamp)
                {
                    _logger.LogInformation("Dev chain dropped {TxId}: expired before block {Block}", tx.TxIdHex, number);
                    continue;
                }

                var outcome = Execute(tx, timestamp);
                if (outcome is null)
                {
                    _logger.LogInformation("Dev chain dropped {TxId}: no longer valid in block {Block}", tx.TxIdHex, number);
                    continue;
                }

                included.Add(new TxRecord(tx, number, timestamp, outcome));
            }

            _pending.Clear();
            var block = SealBlock(number, timestamp, _head.Id, [.. included.Select(t => t.TxId)]);
            foreach (var record in included)
            {
                _transactions[record.TxId] = record;
            }

            _blocks[number] = block;
            _head = block;
            if (_blocks.TryGetValue(number - TaposWindow, out var old) && old.TxIds.Count == 0)
            {
                _blocks.Remove(old.Number);
            }

            if (_options.StatePath is { } path)
            {
                SaveLocked(path);
            }

            return ToPublic(block);
        }
    }

    private TxOutcome? Execute(SignedTransaction tx, long blockTimestamp) => tx.Raw.Contract switch
    {
        TransferContract transfer => ExecuteTransfer(transfer, tx.BandwidthBytes, blockTimestamp),
        TriggerSmartContract call => ExecuteCall(call, tx.Raw.FeeLimit, tx.BandwidthBytes),
        _ => null,
    };

    private TxOutcome? ExecuteTransfer(TransferContract transfer, int bandwidth, long blockTimestamp)
    {
        if (!_accounts.TryGetValue(transfer.Owner, out var owner))
        {
            return null;
        }

        var activates = !_accounts.ContainsKey(transfer.To);
        var fee = activates ? _options.CreateAccountFeeSun : 0;
        if (owner.BalanceSun < transfer.AmountSun + fee)
        {
            return null;
        }

        owner.BalanceSun -= transfer.AmountSun + fee;
        if (activates)
        {
            _accounts[transfer.To] = new AccountState(0, blockTimestamp);
        }

        _accounts[transfer.To].BalanceSun += transfer.AmountSun;
        return new TxOutcome("SUCCESS", fee, 0, 0, bandwidth, null, [], string.Empty, false, null, null);
    }

    /// <summary>
    /// Energy is simplified: a flat amount per kind of call, burned as TRX at <see cref="DevChainOptions.EnergyPriceSun"/>
    /// and capped by fee_limit and the caller's TRX; past the cap the call fails OUT_OF_ENERGY and burns the cap.
    /// Bandwidth is free.
    /// </summary>
    private TxOutcome? ExecuteCall(TriggerSmartContract call, long feeLimit, int bandwidth)
    {
        if (!_accounts.TryGetValue(call.Owner, out var owner))
        {
            return null;
        }

        var plan = PlanCall(call);
        var energy = plan.Reverted ? _options.RevertEnergy : plan.Energy;
        var price = _options.EnergyPriceSun;
        var cap = Math.Min(feeLimit, owner.BalanceSun);
        if (price > 0 && energy * price > cap)
        {
            var burnedEnergy = cap / price;
            owner.BalanceSun -= burnedEnergy * price;
            var message = $"Not enough energy for 'SSTORE' operation executing: curInvokeEnergyLimit[{burnedEnergy}], usedEnergy[{burnedEnergy}]";
            return new TxOutcome("OUT_OF_ENERGY", burnedEnergy * price, burnedEnergy * price, burnedEnergy, bandwidth, "OUT_OF_ENERGY", [], string.Empty, true, message, call.ContractAddress);
        }

        var fee = energy * price;
        owner.BalanceSun -= fee;
        if (plan.Reverted)
        {
            return new TxOutcome("REVERT", fee, fee, energy, bandwidth, "REVERT", [], string.Empty, true, "REVERT opcode executed", call.ContractAddress);
        }

        foreach (var (token, from, to, amount) in plan.Moves)
        {
            token.Move(from, to, amount);
        }

        return new TxOutcome("SUCCESS", fee, fee, energy, bandwidth, "SUCCESS", plan.Logs, plan.ReturnWord, false, null, call.ContractAddress);
    }

    private CallPlan PlanCall(TriggerSmartContract call)
    {
        var data = call.Data;
        if (call.CallValue != 0 || call.CallTokenValue != 0 || data.Length < 4)
        {
            return CallPlan.Revert;
        }

        var selector = Hex.ToHex(data.AsSpan(0, 4));
        if (_tokens.TryGetValue(call.ContractAddress, out var token))
        {
            // Mainnet USDT's transfer() returns false even when it succeeds; so does this one, to keep readers honest.
            return selector == Abi.Selector(TransferSignature) && data.Length >= 68
                ? PlanTransfer(token, call.Owner, Abi.ReadAddress(data, 0), Abi.ReadUint(data, 1), 0, [], ZeroWord)
                : CallPlan.Revert;
        }

        if (call.ContractAddress == Router && selector == DevChainRouter.RouteSelectorHex && data.Length >= 100
            && _tokens.TryGetValue(Abi.ReadAddress(data, 0), out var routed))
        {
            var to = Abi.ReadAddress(data, 1);
            var amount = Abi.ReadUint(data, 2);
            var routedLog = new LogRecord(Router, [DevChainRouter.RoutedTopic0Hex, Abi.Word(routed.Address), Abi.Word(to)], Abi.Word(amount));
            return PlanTransfer(routed, call.Owner, to, amount, _options.RouterEnergy, [routedLog], Abi.Word(BigInteger.One));
        }

        return CallPlan.Revert;
    }

    private CallPlan PlanTransfer(TokenContract token, TronAddress from, TronAddress to, BigInteger amount, long extraEnergy, IReadOnlyList<LogRecord> afterLogs, string returnWord)
    {
        if (amount > token.BalanceOf(from))
        {
            return CallPlan.Revert;
        }

        var value = (long)amount;
        var energy = (token.BalanceOf(to) == 0 ? _options.TransferToEmptyEnergy : _options.TransferEnergy) + extraEnergy;
        var log = new LogRecord(token.Address, [TransferLog.Topic0Hex, Abi.Word(from), Abi.Word(to)], Abi.Word(amount));
        return new CallPlan(false, energy, [(token, from, to, value)], [log, .. afterLogs], returnWord);
    }

    private sealed record CallPlan(
        bool Reverted,
        long Energy,
        IReadOnlyList<(TokenContract Token, TronAddress From, TronAddress To, long Amount)> Moves,
        IReadOnlyList<LogRecord> Logs,
        string ReturnWord)
    {
        public static CallPlan Revert { get; } = new(true, 0, [], [], string.Empty);
    }
}
