using Meterchat.Tron.Encoding;

namespace Meterchat.Tron.Node;

/// <summary>An activated account (<c>/wallet/getaccount</c>): its TRX balance in sun (1 TRX = 1,000,000 sun).</summary>
public sealed record NodeAccount(TronAddress Address, long BalanceSun, DateTimeOffset? CreateTime);
