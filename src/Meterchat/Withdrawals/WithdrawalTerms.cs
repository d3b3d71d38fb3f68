using Meterchat.Ledger;

namespace Meterchat.Withdrawals;

/// <summary>An accepted request's money: <see cref="Amount"/> leaves earnings, <see cref="Net"/> arrives, the fees go to the platform.</summary>
public sealed record WithdrawalTerms(Micros Amount, Micros PlatformFee, Micros NetworkFee, Micros Net);
