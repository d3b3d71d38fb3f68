using Meterchat.Tron.Encoding;
using Meterchat.Tron.Node;

namespace Meterchat.DevChain;

public sealed partial class DevChainNode
{
    /// <summary>A transaction in a block (a solidified block for <see cref="NodeView.Solidified"/>), or null.</summary>
    internal TxRecord? FindTransaction(string txId, NodeView view)
    {
        lock (_lock)
        {
            return _transactions.TryGetValue(txId, out var record)
                && (view == NodeView.Head || record.BlockNumber <= SolidifiedLocked().Number)
                ? record
                : null;
        }
    }

    internal (BlockRecord Block, IReadOnlyList<TxRecord> Transactions) NowBlock(NodeView view)
    {
        lock (_lock)
        {
            var block = view == NodeView.Head ? _head : SolidifiedLocked();
            return (block, [.. block.TxIds.Select(id => _transactions[id])]);
        }
    }

    internal IReadOnlyList<TxRecord> TransactionsInBlock(long number)
    {
        lock (_lock)
        {
            return _blocks.TryGetValue(number, out var block) ? [.. block.TxIds.Select(id => _transactions[id])] : [];
        }
    }

    internal (long BalanceSun, long CreateTime)? Account(TronAddress address)
    {
        lock (_lock)
        {
            return _accounts.TryGetValue(address, out var account) ? (account.BalanceSun, account.CreateTime) : null;
        }
    }

    /// <summary>A read-only call (triggerconstantcontract) on the chain's tokens: balanceOf, decimals, symbol, name, totalSupply.</summary>
    internal ConstantCallResult CallConstant(TronAddress contract, byte[] data)
    {
        lock (_lock)
        {
            if (!_tokens.TryGetValue(contract, out var token))
            {
                return contract == Router
                    ? new ConstantCallResult(false, [string.Empty], _options.RevertEnergy, "CONTRACT_EXE_ERROR", "REVERT opcode executed")
                    : new ConstantCallResult(false, [], 0, "CONTRACT_VALIDATE_ERROR", "No contract or not a valid smart contract");
            }

            var selector = data.Length >= 4 ? Hex.ToHex(data.AsSpan(0, 4)) : string.Empty;
            string? word = selector switch
            {
                "70a08231" when data.Length >= 36 => Abi.Word(token.BalanceOf(Abi.ReadAddress(data, 0))),
                "313ce567" => Abi.Word(token.Decimals),
                "95d89b41" => Abi.String(token.Symbol),
                "06fdde03" => Abi.String(token.Name),
                "18160ddd" => Abi.Word(token.TotalSupply),
                _ => null,
            };
            return word is null
                ? new ConstantCallResult(false, [string.Empty], _options.RevertEnergy, "CONTRACT_EXE_ERROR", "REVERT opcode executed")
                : new ConstantCallResult(true, [word], 500, null, null);
        }
    }
}
