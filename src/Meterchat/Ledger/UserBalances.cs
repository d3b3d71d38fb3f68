namespace Meterchat.Ledger;

/// <summary>A user's three balances: wallet (top-ups, spendable), earnings (withdrawable), held (withdrawals in flight).</summary>
public sealed record UserBalances(Micros Wallet, Micros Earnings, Micros Held);
