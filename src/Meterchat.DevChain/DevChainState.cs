namespace Meterchat.DevChain;

/// <summary>The dev chain's state file: balances, blocks (recent ones and every one holding transactions), transactions, pending pool.</summary>
internal sealed record DevChainState(
    int Version,
    long Head,
    IReadOnlyList<DevChainState.AccountEntry> Accounts,
    IReadOnlyList<DevChainState.TokenEntry> Tokens,
    IReadOnlyList<DevChainState.BlockEntry> Blocks,
    IReadOnlyList<DevChainState.TxEntry> Transactions,
    IReadOnlyList<string> Pending)
{
    public const int CurrentVersion = 1;

    internal sealed record AccountEntry(string Address, long BalanceSun, long CreateTime);

    internal sealed record TokenEntry(string Address, string Name, string Symbol, int Decimals, IReadOnlyDictionary<string, long> Balances);

    internal sealed record BlockEntry(long Number, string Id, long Timestamp, string ParentHash, string TxTrieRoot, string WitnessSignature, IReadOnlyList<string> TxIds);

    internal sealed record TxEntry(string Transaction, long BlockNumber, long BlockTimestamp, OutcomeEntry Outcome);

    internal sealed record OutcomeEntry(
        string ContractRet,
        long Fee,
        long EnergyFee,
        long EnergyUsageTotal,
        long NetUsage,
        string? ReceiptResult,
        IReadOnlyList<LogEntry> Logs,
        string ContractResult,
        bool Failed,
        string? ResMessage,
        string? ContractAddress);

    internal sealed record LogEntry(string Address, IReadOnlyList<string> Topics, string Data);
}
