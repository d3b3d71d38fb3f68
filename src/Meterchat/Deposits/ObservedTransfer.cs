namespace Meterchat.Deposits;

/// <summary>A USDT Transfer log paying a deposit address, as read from the chain.</summary>
public readonly record struct ObservedTransfer(string TxId, int LogIndex, string UserId, string Address, long Amount, long BlockNumber);
