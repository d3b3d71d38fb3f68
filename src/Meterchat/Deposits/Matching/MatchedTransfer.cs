using Meterchat.Tron.Encoding;

namespace Meterchat.Deposits.Matching;

/// <summary>One USDT Transfer log that credits: its index in the transaction's logs, the deposit address it paid, that address's owner, the µUSDT.</summary>
public sealed record MatchedTransfer(int LogIndex, TronAddress To, string UserId, long Amount);
