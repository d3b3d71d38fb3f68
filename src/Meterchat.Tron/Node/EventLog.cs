using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;

namespace Meterchat.Tron.Node;

/// <summary>
/// One log of a transaction info, in the order the contracts emitted it (its index is the log index).
/// <see cref="Address"/> is the contract that emitted it (the node writes it as 20 hex bytes without
/// 41, or base58 with visible=true; both are read). Topics and data are lower-case hex.
/// </summary>
public sealed record EventLog(TronAddress Address, IReadOnlyList<string> Topics, string Data)
{
    /// <summary>Reads the log as a TRC20 Transfer. Which contract emitted it (<see cref="Address"/>) is still the caller's check.</summary>
    public bool TryDecodeTransfer(out TransferLog transfer) => TransferLog.TryDecode(Topics, Data, out transfer);
}
