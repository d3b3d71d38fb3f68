namespace Meterchat.Deposits;

/// <summary>
/// One USDT Transfer log paying a deposit address: observed by a claim or by the watcher, final once its block
/// is solidified, credited once (ledger key <c>deposit:{txid}:{logIndex}</c>). (TxId, LogIndex) is unique.
/// </summary>
public sealed class Deposit
{
    public long Id { get; set; }

    /// <summary>64 lower-case hex digits.</summary>
    public string TxId { get; set; } = "";

    public int LogIndex { get; set; }

    public string UserId { get; set; } = "";

    public string Address { get; set; } = "";

    /// <summary>µUSDT, &gt; 0.</summary>
    public long Amount { get; set; }

    public long BlockNumber { get; set; }

    /// <summary>Seen in a solidified block (by the watcher's scan or the solidified view of the node).</summary>
    public bool Final { get; set; }

    public DateTimeOffset ObservedAt { get; set; }

    public DateTimeOffset? CreditedAt { get; set; }

    public long? TransferId { get; set; }

    private const string KeyPrefix = "deposit:";
    private const string KeySeparator = ":";

    /// <summary>The idempotency key of the ledger transfer that credits this deposit: <c>deposit:{txid}:{logIndex}</c>.</summary>
    public static string LedgerKey(string txId, int logIndex) => $"{KeyPrefix}{txId}{KeySeparator}{logIndex}";

    /// <summary>The same key as a SQL expression over the deposit's columns (SQLite and PostgreSQL both read <c>||</c>).</summary>
    internal static string LedgerKeySql(string txIdColumn, string logIndexColumn) => $"'{KeyPrefix}' || {txIdColumn} || '{KeySeparator}' || {logIndexColumn}";
}
