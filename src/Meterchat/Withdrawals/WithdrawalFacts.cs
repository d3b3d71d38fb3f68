using Meterchat.Ledger;

namespace Meterchat.Withdrawals;

/// <summary>
/// What <see cref="WithdrawalPolicy.Check"/> judges: the amount asked, the payout address and when it became usable,
/// what the seller withdrew in the last 24 hours (rejected, failed and cancelled ones do not count), and now.
/// </summary>
public sealed record WithdrawalFacts(Micros Amount, string Address, DateTimeOffset AddressUsableAt, Micros UsedLastDay, DateTimeOffset Now);
