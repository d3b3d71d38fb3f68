namespace Meterchat.Admin.Dashboard;

/// <summary>
/// One UTC day of money movement: platform income (commission + fees, net of reversals), deposits credited and
/// payouts completed. Amounts in µUSDT.
/// </summary>
public sealed record DayFigures(DateOnly Day, long RevenueMicros, int Deposits, long DepositMicros, int Payouts, long PayoutMicros);
