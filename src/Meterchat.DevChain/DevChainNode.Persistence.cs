using System.Text.Json;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;
using static Meterchat.DevChain.DevChainState;

namespace Meterchat.DevChain;

public sealed partial class DevChainNode
{
    /// <summary>Recent blocks kept in the state file even when empty (one hour at 3 s): TAPOS references reach back this far after a restart.</summary>
    public const int PersistedRecentBlocks = 1_200;

    private static readonly JsonSerializerOptions StateJson = new() { WriteIndented = true };

    /// <summary>Writes the state to <see cref="DevChainOptions.StatePath"/> now (it is also written after every block).</summary>
    public void Save()
    {
        var path = _options.StatePath ?? throw new InvalidOperationException("DevChainOptions.StatePath is not set.");
        lock (_lock)
        {
            SaveLocked(path);
        }
    }

    /// <summary>Writes the state to a file (atomically: a temporary file, then a rename).</summary>
    public void Save(string path)
    {
        lock (_lock)
        {
            SaveLocked(path);
        }
    }

    private void SaveLocked(string path)
    {
        var state = new DevChainState(
            CurrentVersion,
            _head.Number,
            [.. _accounts.Select(a => new AccountEntry(a.Key.ToBase58(), a.Value.BalanceSun, a.Value.CreateTime))],
            [.. _tokens.Values.Select(t => new TokenEntry(t.Address.ToBase58(), t.Name, t.Symbol, t.Decimals, t.Balances.ToDictionary(b => b.Key.ToBase58(), b => b.Value)))],
            [.. _blocks.Values.Where(b => b.Number > _head.Number - PersistedRecentBlocks || b.TxIds.Count > 0).OrderBy(b => b.Number).Select(ToEntry)],
            [.. _transactions.Values.OrderBy(t => t.BlockNumber).Select(ToEntry)],
            [.. _pending.Select(p => Hex.ToHex(p.Encode()))]);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(state, StateJson));
        File.Move(temporary, path, overwrite: true);
    }

    private void Load(string path)
    {
        var state = JsonSerializer.Deserialize<DevChainState>(File.ReadAllBytes(path), StateJson)
            ?? throw new InvalidDataException($"{path} holds no dev chain state.");
        if (state.Version != CurrentVersion)
        {
            throw new InvalidDataException($"{path} is dev chain state version {state.Version}; this build reads version {CurrentVersion}.");
        }

        foreach (var account in state.Accounts)
        {
            _accounts[TronAddress.Parse(account.Address)] = new AccountState(account.BalanceSun, account.CreateTime);
        }

        foreach (var entry in state.Tokens)
        {
            var token = new TokenContract(TronAddress.Parse(entry.Address), entry.Name, entry.Symbol, entry.Decimals);
            foreach (var (holder, amount) in entry.Balances)
            {
                token.Balances[TronAddress.Parse(holder)] = amount;
            }

            _tokens[token.Address] = token;
        }

        foreach (var b in state.Blocks)
        {
            _blocks[b.Number] = new BlockRecord(b.Number, Hex.Parse(b.Id), b.Timestamp, Hex.Parse(b.ParentHash), Hex.Parse(b.TxTrieRoot), Hex.Parse(b.WitnessSignature), b.TxIds);
        }

        foreach (var t in state.Transactions)
        {
            var o = t.Outcome;
            var outcome = new TxOutcome(
                o.ContractRet,
                o.Fee,
                o.EnergyFee,
                o.EnergyUsageTotal,
                o.NetUsage,
                o.ReceiptResult,
                [.. o.Logs.Select(l => new LogRecord(TronAddress.Parse(l.Address), l.Topics, l.Data))],
                o.ContractResult,
                o.Failed,
                o.ResMessage,
                o.ContractAddress is null ? null : TronAddress.Parse(o.ContractAddress));
            var record = new TxRecord(SignedTransaction.FromHex(t.Transaction), t.BlockNumber, t.BlockTimestamp, outcome);
            _transactions[record.TxId] = record;
        }

        _pending.AddRange(state.Pending.Select(SignedTransaction.FromHex));
        _head = _blocks.TryGetValue(state.Head, out var head)
            ? head
            : throw new InvalidDataException($"{path} names head block {state.Head} but does not hold it.");
    }

    private static BlockEntry ToEntry(BlockRecord b) =>
        new(b.Number, Hex.ToHex(b.Id), b.Timestamp, Hex.ToHex(b.ParentHash), Hex.ToHex(b.TxTrieRoot), Hex.ToHex(b.WitnessSignature), b.TxIds);

    private static TxEntry ToEntry(TxRecord t)
    {
        var o = t.Outcome;
        return new TxEntry(
            Hex.ToHex(t.Transaction.Encode()),
            t.BlockNumber,
            t.BlockTimestamp,
            new OutcomeEntry(
                o.ContractRet,
                o.Fee,
                o.EnergyFee,
                o.EnergyUsageTotal,
                o.NetUsage,
                o.ReceiptResult,
                [.. o.Logs.Select(l => new LogEntry(l.Address.ToBase58(), l.Topics, l.Data))],
                o.ContractResult,
                o.Failed,
                o.ResMessage,
                o.ContractAddress?.ToBase58()));
    }
}
