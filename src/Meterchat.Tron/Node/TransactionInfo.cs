using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;

namespace Meterchat.Tron.Node;

/// <summary>
/// A transaction's execution record (<c>gettransactioninfobyid</c>, <c>gettransactioninfobyblocknum</c>):
/// where it landed, what it cost and the logs it emitted. <see cref="Result"/> is "FAILED" when it
/// failed (absent otherwise), and <see cref="ResultMessage"/> the node's reason, hex-decoded.
/// </summary>
public sealed record TransactionInfo(
    string Id,
    long BlockNumber,
    DateTimeOffset BlockTimestamp,
    long Fee,
    TronAddress? ContractAddress,
    ResourceReceipt Receipt,
    IReadOnlyList<EventLog> Logs,
    IReadOnlyList<string> ContractResult,
    string? Result,
    string? ResultMessage)
{
    public bool Failed => string.Equals(Result, "FAILED", StringComparison.Ordinal);

    /// <summary>
    /// The rule a contract call (a USDT transfer) is judged by: <c>receipt.result == "SUCCESS"</c> and no
    /// top-level FAILED. Never read <see cref="ContractResult"/> for this: USDT's transfer() returns false.
    /// </summary>
    public bool ContractSucceeded => ExecutionResult.Succeeded(Receipt.Result, Result);
}
